"""Generic name, nickname, street and brand lists for synthetic people (no real persons).

Common given names and surnames only: no attribute of ethnicity or nationality exists anywhere.
"""

from __future__ import annotations

MALE = (
    "Aaron Adam Aiden Alex Alfie Andrew Anthony Archie Ben Billy Bradley Callum Cameron Charlie "
    "Chris Connor Craig Daniel Darren David Dean Dominic Dylan Elliot Ethan Finley Frankie George "
    "Harley Harry Harvey Henry Isaac Jack Jacob Jake James Jamie Jason Jay Jayden Joe Joel John "
    "Jordan Joseph Josh Kai Karl Kieran Kyle Lee Leo Lewis Liam Louis Luke Marcus Mark Mason "
    "Matthew Max Michael Mitchell Nathan Neil Nicholas Noah Oliver Oscar Owen Paul Peter Reece "
    "Rhys Richard Riley Robert Ryan Sam Scott Sean Shane Simon Stephen Steven Stuart Terry Thomas "
    "Tom Tony Tyler Wayne William Zach"
).split()

FEMALE = (
    "Abbie Abigail Alice Amber Amelia Amy Anna Ava Bethany Chelsea Chloe Claire Courtney Danielle "
    "Demi Eleanor Ella Ellie Emily Emma Erin Evie Faith Freya Georgia Grace Hannah Hayley Holly "
    "Isabel Isla Jade Jasmine Jennifer Jessica Jodie Kate Katie Kayleigh Keeley Kerry Kirsty Laura "
    "Lauren Leah Lily Lisa Lucy Luna Maisie Megan Melissa Mia Millie Molly Naomi Natalie Nicole "
    "Olivia Paige Phoebe Poppy Rachel Rebecca Rosie Ruby Samantha Sarah Shannon Sophie Stacey "
    "Summer Tanya Tegan Tia Tina Vicky Zoe"
).split()

SURNAMES = (
    "Adams Allen Atkinson Bailey Baker Barker Barnes Bell Bennett Brooks Brown Butler Campbell "
    "Carter Chapman Clark Clarke Cole Collins Cook Cooper Cox Davies Davis Dixon Edwards Ellis "
    "Evans Fisher Fletcher Foster Fox Gibson Graham Grant Gray Green Griffiths Hall Harris "
    "Harrison Hart Harvey Hill Holmes Hughes Hunt Hunter Jackson James Jenkins Johnson Jones Kelly "
    "Kennedy King Knight Lane Lawrence Lee Lewis Lloyd Marshall Martin Mason Matthews Miller "
    "Mills Mitchell Moore Morgan Morris Murphy Murray Owen Palmer Parker Patel Payne Pearce Phillips "
    "Porter Powell Price Reid Reynolds Richards Richardson Roberts Robinson Rogers Rose Russell "
    "Saunders Scott Shaw Simpson Smith Spencer Stevens Stewart Stone Taylor Thomas Thompson Turner "
    "Walker Wallace Ward Watson Webb Wells West White Wilkinson Williams Wilson Wood Wright Young"
).split()

NICKNAMES = {
    "Aaron": "Az", "Adam": "Ads", "Alex": "Al", "Alfie": "Alf", "Andrew": "Andy",
    "Anthony": "Ant", "Archie": "Arch", "Benjamin": "Ben", "Bradley": "Brad", "Callum": "Cal",
    "Cameron": "Cam", "Charlie": "Chaz", "Chris": "Chrissy", "Connor": "Con", "Daniel": "Danny",
    "David": "Dave", "Dominic": "Dom", "Dylan": "Dyl", "Ethan": "E", "Frankie": "Frank",
    "Harvey": "Harv", "Jacob": "Jake", "James": "Jim", "Jamie": "Jay", "Jayden": "JD",
    "Jordan": "Jords", "Joseph": "Joe", "Josh": "Joshy", "Kieran": "Kez", "Kyle": "Ky",
    "Lewis": "Lew", "Liam": "Li", "Marcus": "Marky", "Matthew": "Matt", "Michael": "Mikey",
    "Mitchell": "Mitch", "Nathan": "Nate", "Nicholas": "Nick", "Oliver": "Ollie", "Richard": "Rich",
    "Robert": "Rob", "Ryan": "Ry", "Samuel": "Sam", "Stephen": "Steve", "Steven": "Stevie",
    "Thomas": "Tommy", "Tyler": "Ty", "William": "Will", "Zach": "Z", "Abigail": "Abbi",
    "Amelia": "Millie", "Bethany": "Beth", "Danielle": "Dani", "Eleanor": "Ellie", "Georgia": "G",
    "Isabel": "Izzy", "Jennifer": "Jen", "Jessica": "Jess", "Katie": "Kat", "Natalie": "Nat",
    "Rebecca": "Becky", "Samantha": "Sam", "Stacey": "Stace", "Victoria": "Vicky", "Jasmine": "Jaz",
}

STREETS = (
    "High Street", "Station Road", "Church Road", "Park Road", "Victoria Road", "Green Lane",
    "Manor Road", "Church Street", "Park Avenue", "Queens Road", "The Avenue", "Grange Road",
    "New Road", "Kings Road", "London Road", "Mill Lane", "Albert Road", "North Street",
    "Springfield Road", "West Street", "Windsor Road", "York Road", "Alexandra Road", "Chapel Street",
    "Richmond Road", "Princes Street", "Castle Street", "Orchard Close", "Mayfield Road",
    "Elm Grove", "Highfield Road", "Stanley Road", "Cromwell Road", "Nelson Road", "Balmoral Court",
    "Beech Road", "Cedar Close", "Meadow Way", "Willow Walk", "Russell Street", "Clarence Road",
    "Brook Street", "Hill Road", "Sandy Lane", "Chestnut Avenue", "Rose Hill", "Vale Road",
    "Canal Street", "Wellington Road", "Melbourne Court",
)

# Words "abbreviated" the way officers and operators often type addresses.
ABBREVIATIONS = {"Road": "Rd", "Street": "St", "Avenue": "Ave", "Lane": "Ln", "Close": "Cl",
                 "Court": "Ct", "Grove": "Gr"}

# Deal-line brands: the number is the brand [S3]; short street-style names.
BRANDS = (
    "Tom", "Kenzo", "Flash", "Ricky", "Max", "Jet", "Scooby", "Bugsy", "Dino", "Ace", "Bentley",
    "Gucci", "Rambo", "Nike", "Dollar", "Milo", "Rocky", "Tony", "Sparks", "Zed", "Frosty", "Mack",
    "Duke", "Ghost", "Blaze", "Coco", "Diesel", "Rex", "Shadow", "Turbo", "Vegas", "Wizz",
)

# Operation code names (generated operations only).
OPERATIONS = (
    "ALDER", "BRAMBLE", "CASCADE", "DAWNLIGHT", "EMBER", "FALCON", "GRANITE", "HARBOUR", "IVY",
    "JUNIPER", "KESTREL", "LANTERN", "MARLIN", "NETTLE", "ORCHID", "PELICAN", "QUARRY", "RAVEN",
    "SAPPHIRE", "TEMPEST", "UNDERTOW", "VESPER", "WILLOW", "YARROW",
)

# Registered-but-false subscriber names seen on burner phones (pay-as-you-go registrations).
FALSE_NAMES = ("Mickey Mouse", "John Smith", "A Person", "Bob Marley", "Joe Bloggs", "No Name",
               "Tony Montana", "Homer Simpson", "J Doe", "Test User")

# Business names for heavy-but-legitimate subscribers (hard negatives).
TAXI_NAMES = ("Star Cars", "A1 Taxis", "Town Cars", "Central Cabs", "Station Taxis", "Express Cars",
              "Go Cars", "Royal Cabs")
TAKEAWAY_NAMES = ("Golden Dragon", "Pizza Express Way", "Best Kebab", "Lucky Star", "Chicken Hut",
                  "Fish Bar", "Noodle House", "Curry Garden", "Pizza Palace", "Sunrise Grill")
BULK_NAMES = ("Surgery Reminders Ltd", "Dental Care Texts", "Parcel Notify Ltd",
              "Clinic Bookings SMS")
