namespace SelfService.Data.DemoData;

/// <summary>Word lists the generator draws names and places from.</summary>
internal static class DemoNames
{
    public static readonly string[] ChildFirstNames =
    [
        "Oliver", "George", "Noah", "Arthur", "Muhammad", "Leo", "Oscar", "Harry", "Archie", "Jack",
        "Henry", "Charlie", "Freddie", "Theodore", "Thomas", "Finley", "Theo", "Alfie", "Jacob", "Isaac",
        "Lucas", "Tommy", "Mason", "Reuben", "Ibrahim", "Yusuf", "Ayaan", "Zayn", "Kacper", "Jakub",
        "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow",
        "Rosie", "Sophia", "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella",
        "Evie", "Maya", "Aisha", "Maryam", "Zara", "Hafsa", "Amira", "Zofia", "Lena", "Chloe",
        "Riley", "Kai", "Ruby", "Harper", "Jessica", "Tyler", "Callum", "Kian", "Ellie", "Millie",
    ];

    public static readonly string[] AdultFirstNames =
    [
        "Sarah", "Emma", "Laura", "Rebecca", "Claire", "Nicola", "Gemma", "Kirsty", "Hannah", "Rachel",
        "Amy", "Charlotte", "Victoria", "Joanne", "Lisa", "Michelle", "Samina", "Nasreen", "Shazia", "Fatima",
        "Agnieszka", "Joanna", "Chiamaka", "Grace", "Natalie", "Kelly", "Stacey", "Donna", "Louise", "Helen",
        "James", "David", "Daniel", "Michael", "Paul", "Mark", "Andrew", "Richard", "Stephen", "Lee",
        "Craig", "Gary", "Matthew", "Christopher", "Imran", "Asif", "Tariq", "Piotr", "Tomasz", "Emeka",
        "Kwame", "Jason", "Wayne", "Dean", "Simon", "Neil", "Peter", "Robert", "Adam", "Ryan",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Wilson", "Walker", "Wood", "Robinson", "Thompson", "Wright",
        "Hall", "Green", "Lee", "Clarke", "Jackson", "Harrison", "Turner", "Hill", "Shaw", "Holmes",
        "Atkinson", "Barker", "Firth", "Hirst", "Sykes", "Haigh", "Pickles", "Crowther", "Brook", "Hepworth",
        "Khan", "Hussain", "Ahmed", "Ali", "Iqbal", "Akhtar", "Mahmood", "Begum", "Patel", "Singh",
        "Kaur", "Sharma", "Okafor", "Adeyemi", "Mensah", "Campbell", "Francis", "Williams", "Nowak", "Kowalski",
        "Wiśniewska", "Novak", "Murphy", "Kelly", "O'Brien", "Doherty", "Moss", "Bentley", "Ellis", "Marsden",
        "Whiteley", "Hargreaves", "Ackroyd", "Greenwood", "Lister", "Dawson", "Wainwright", "Bell", "Cooper", "Ward",
    ];

    /// <summary>Leeds districts and villages, for school names and addresses.</summary>
    public static readonly string[] LeedsPlaces =
    [
        "Adel", "Allerton Bywater", "Alwoodley", "Armley", "Bardsey", "Barwick-in-Elmet", "Beeston", "Belle Isle",
        "Boston Spa", "Bramham", "Bramhope", "Bramley", "Burley", "Burmantofts", "Calverley", "Chapel Allerton",
        "Chapeltown", "Churwell", "Colton", "Cookridge", "Cross Gates", "Drighlington", "East Ardsley", "East Garforth",
        "Farnley", "Farsley", "Gildersome", "Gipton", "Garforth", "Guiseley", "Halton", "Harehills",
        "Hawksworth", "Headingley", "Holbeck", "Holt Park", "Horsforth", "Hunslet", "Hyde Park", "Kippax",
        "Kirkstall", "Lofthouse", "Meanwood", "Methley", "Middleton", "Moortown", "Morley", "Oakwood",
        "Otley", "Pool-in-Wharfedale", "Potternewton", "Pudsey", "Rawdon", "Richmond Hill", "Robin Hood", "Rodley",
        "Rothwell", "Roundhay", "Scholes", "Scott Hall", "Seacroft", "Sherburn", "Shadwell", "Stanningley",
        "Swillington", "Swarcliffe", "Tinshill", "Thorner", "Weetwood", "West Ardsley", "Wetherby", "Whinmoor",
        "Whitkirk", "Woodhouse", "Woodlesford", "Wortley", "Yeadon", "Lawnswood", "Gledhow", "Osmondthorpe",
    ];

    /// <summary>Place words for the generated authorities beyond Leeds.</summary>
    public static readonly string[] GenericPlaces =
    [
        "Abbey", "Ashfield", "Beechwood", "Birchfield", "Brookside", "Castle", "Cedar", "Church Hill", "Clayton", "Coppice",
        "Deanfield", "Eastfield", "Elmwood", "Fairfield", "Fernhill", "Forest", "Greenacres", "Greenside", "Hawthorn", "Heathfield",
        "Highfield", "Hollybank", "Kingsway", "Lakeside", "Larkfield", "Longley", "Manor", "Marsh Lane", "Meadowbank", "Millbrook",
        "Moorside", "Northfield", "Oakfield", "Orchard", "Park View", "Priory", "Queensbury", "Ravenscliffe", "Riverside", "Rosehill",
        "Sandal", "Southfield", "Springfield", "Stonebridge", "Thornhill", "Towngate", "Valley", "Victoria", "Westfield", "Willowbank",
        "Windmill", "Woodlands", "Woodside", "Yew Tree", "Ashbrook", "Bankside", "Crossflatts", "Hillcrest", "Newlands", "Oldfield",
    ];

    public static readonly string[] Saints =
    [
        "St Mary's", "St Joseph's", "St Patrick's", "St Anne's", "St Peter's", "St Paul's", "St John's", "St Bartholomew's",
        "St Theresa's", "St Benedict's", "St Francis of Assisi", "St Augustine's", "Holy Rosary", "Sacred Heart", "Holy Name", "St Matthew's",
    ];

    /// <summary>The 33 Leeds wards (three councillors each).</summary>
    public static readonly string[] LeedsWards =
    [
        "Adel & Wharfedale", "Alwoodley", "Ardsley & Robin Hood", "Armley", "Beeston & Holbeck", "Bramley & Stanningley",
        "Burmantofts & Richmond Hill", "Calverley & Farsley", "Chapel Allerton", "Cross Gates & Whinmoor", "Farnley & Wortley",
        "Garforth & Swillington", "Gipton & Harehills", "Guiseley & Rawdon", "Harewood", "Headingley & Hyde Park", "Horsforth",
        "Hunslet & Riverside", "Killingbeck & Seacroft", "Kippax & Methley", "Kirkstall", "Little London & Woodhouse",
        "Middleton Park", "Moortown", "Morley North", "Morley South", "Otley & Yeadon", "Pudsey", "Rothwell", "Roundhay",
        "Temple Newsam", "Weetwood", "Wetherby",
    ];

    public static readonly string[] LeedsConstituencies =
    [
        "Leeds Central and Headingley", "Leeds East", "Leeds North East", "Leeds North West", "Leeds South",
        "Leeds South West and Morley", "Leeds West and Pudsey", "Wetherby and Easingwold",
    ];

    /// <summary>Leeds SEN assessment area teams.</summary>
    public static readonly string[] LeedsTeams = ["North East", "North West", "East", "South", "West"];

    public static readonly string[] OtherTeams = ["North", "South", "East", "West", "Central"];

    public static readonly string[] Parties = ["Labour", "Conservative", "Liberal Democrat", "Green", "Independent", "Reform UK"];

    /// <summary>Authorities beyond Leeds for the national scale, each with a postcode area.</summary>
    public static readonly (string Name, string PostcodeArea)[] OtherAuthorities =
    [
        ("Bradford", "BD"), ("Kirklees", "HD"), ("Wakefield", "WF"), ("Calderdale", "HX"), ("Sheffield", "S"), ("Rotherham", "S"),
        ("Doncaster", "DN"), ("Barnsley", "S"), ("York", "YO"), ("North Yorkshire", "HG"), ("East Riding of Yorkshire", "HU"), ("Hull", "HU"),
        ("Manchester", "M"), ("Salford", "M"), ("Trafford", "M"), ("Stockport", "SK"), ("Tameside", "OL"), ("Oldham", "OL"),
        ("Rochdale", "OL"), ("Bury", "BL"), ("Bolton", "BL"), ("Wigan", "WN"), ("Liverpool", "L"), ("Sefton", "L"),
        ("Wirral", "CH"), ("Knowsley", "L"), ("St Helens", "WA"), ("Lancashire", "PR"), ("Blackburn with Darwen", "BB"), ("Blackpool", "FY"),
        ("Cumberland", "CA"), ("Newcastle upon Tyne", "NE"), ("Gateshead", "NE"), ("Sunderland", "SR"), ("Durham", "DH"), ("Northumberland", "NE"),
        ("Middlesbrough", "TS"), ("Stockton-on-Tees", "TS"), ("Birmingham", "B"), ("Sandwell", "B"), ("Dudley", "DY"), ("Walsall", "WS"),
        ("Wolverhampton", "WV"), ("Coventry", "CV"), ("Solihull", "B"), ("Staffordshire", "ST"), ("Stoke-on-Trent", "ST"), ("Shropshire", "SY"),
        ("Worcestershire", "WR"), ("Warwickshire", "CV"), ("Leicestershire", "LE"), ("Leicester", "LE"), ("Nottingham", "NG"), ("Nottinghamshire", "NG"),
        ("Derby", "DE"), ("Derbyshire", "DE"), ("Lincolnshire", "LN"), ("Northamptonshire", "NN"), ("Norfolk", "NR"), ("Suffolk", "IP"),
        ("Cambridgeshire", "CB"), ("Peterborough", "PE"), ("Essex", "CM"), ("Hertfordshire", "AL"), ("Bedford", "MK"), ("Luton", "LU"),
        ("Kent", "ME"), ("Medway", "ME"), ("Surrey", "GU"), ("West Sussex", "RH"), ("East Sussex", "BN"), ("Brighton and Hove", "BN"),
        ("Hampshire", "SO"), ("Southampton", "SO"), ("Portsmouth", "PO"), ("Oxfordshire", "OX"), ("Buckinghamshire", "HP"), ("Reading", "RG"),
        ("Bristol", "BS"), ("Somerset", "TA"), ("Devon", "EX"), ("Plymouth", "PL"), ("Cornwall", "TR"), ("Dorset", "DT"),
        ("Wiltshire", "SN"), ("Gloucestershire", "GL"), ("Croydon", "CR"), ("Lambeth", "SE"), ("Southwark", "SE"), ("Hackney", "E"),
        ("Newham", "E"), ("Barnet", "N"), ("Ealing", "W"), ("Enfield", "EN"), ("Bromley", "BR"),
    ];

    public static readonly string[] RefusalReasons =
    [
        "The evidence shows the child's needs can be met from the resources normally available to the school through SEN support.",
        "The school has not yet completed an assess-plan-do-review cycle with specialist advice; the panel recommends a graduated approach first.",
        "The information provided does not show that special educational provision may need to be made through an EHC plan.",
        "The child is making expected progress with the current support; the panel advised targeted funding instead.",
    ];

    public static readonly string[] NotIssuedReasons =
    [
        "The assessment found the child's needs can be met through SEN support with the advice now provided.",
        "The assessment found that special educational provision through an EHC plan is not necessary.",
    ];

    public static readonly string[] WithdrawalReasons =
    [
        "The family moved to another local authority.",
        "The parent withdrew the request after the school put new support in place.",
        "The young person withdrew their request.",
    ];

    public static readonly string[] PersonalCircumstances =
    [
        "The child is in hospital for planned surgery and cannot be seen for several weeks.",
        "A close family bereavement; the parent asked for the assessment meetings to be paused.",
        "The parent is seriously unwell and unable to take part for several weeks.",
        "The family is in temporary accommodation after a house fire.",
    ];
}
