using System.Collections.Frozen;

namespace OpenBadges.Elm;

/// <summary>
/// Code tables for the EU Publications Office authority tables ELM uses: ISO 3166-1 alpha-2 → alpha-3 (the
/// <c>country</c> table's codes) and ISO 639-1 → ISO 639-2/T (the <c>language</c> table's codes). Facts from the ISO
/// standards (as carried by Debian's iso-codes); the language table holds exactly the ISO 639-1 codes the EDC JSON
/// Schema accepts as language-map keys.
/// </summary>
internal static class ElmCodeTables
{
    public static readonly FrozenDictionary<string, string> CountryAlpha3 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AD"] = "AND", ["AE"] = "ARE", ["AF"] = "AFG", ["AG"] = "ATG", ["AI"] = "AIA", ["AL"] = "ALB", ["AM"] = "ARM", ["AO"] = "AGO",
        ["AQ"] = "ATA", ["AR"] = "ARG", ["AS"] = "ASM", ["AT"] = "AUT", ["AU"] = "AUS", ["AW"] = "ABW", ["AX"] = "ALA", ["AZ"] = "AZE",
        ["BA"] = "BIH", ["BB"] = "BRB", ["BD"] = "BGD", ["BE"] = "BEL", ["BF"] = "BFA", ["BG"] = "BGR", ["BH"] = "BHR", ["BI"] = "BDI",
        ["BJ"] = "BEN", ["BL"] = "BLM", ["BM"] = "BMU", ["BN"] = "BRN", ["BO"] = "BOL", ["BQ"] = "BES", ["BR"] = "BRA", ["BS"] = "BHS",
        ["BT"] = "BTN", ["BV"] = "BVT", ["BW"] = "BWA", ["BY"] = "BLR", ["BZ"] = "BLZ", ["CA"] = "CAN", ["CC"] = "CCK", ["CD"] = "COD",
        ["CF"] = "CAF", ["CG"] = "COG", ["CH"] = "CHE", ["CI"] = "CIV", ["CK"] = "COK", ["CL"] = "CHL", ["CM"] = "CMR", ["CN"] = "CHN",
        ["CO"] = "COL", ["CR"] = "CRI", ["CU"] = "CUB", ["CV"] = "CPV", ["CW"] = "CUW", ["CX"] = "CXR", ["CY"] = "CYP", ["CZ"] = "CZE",
        ["DE"] = "DEU", ["DJ"] = "DJI", ["DK"] = "DNK", ["DM"] = "DMA", ["DO"] = "DOM", ["DZ"] = "DZA", ["EC"] = "ECU", ["EE"] = "EST",
        ["EG"] = "EGY", ["EH"] = "ESH", ["ER"] = "ERI", ["ES"] = "ESP", ["ET"] = "ETH", ["FI"] = "FIN", ["FJ"] = "FJI", ["FK"] = "FLK",
        ["FM"] = "FSM", ["FO"] = "FRO", ["FR"] = "FRA", ["GA"] = "GAB", ["GB"] = "GBR", ["GD"] = "GRD", ["GE"] = "GEO", ["GF"] = "GUF",
        ["GG"] = "GGY", ["GH"] = "GHA", ["GI"] = "GIB", ["GL"] = "GRL", ["GM"] = "GMB", ["GN"] = "GIN", ["GP"] = "GLP", ["GQ"] = "GNQ",
        ["GR"] = "GRC", ["GS"] = "SGS", ["GT"] = "GTM", ["GU"] = "GUM", ["GW"] = "GNB", ["GY"] = "GUY", ["HK"] = "HKG", ["HM"] = "HMD",
        ["HN"] = "HND", ["HR"] = "HRV", ["HT"] = "HTI", ["HU"] = "HUN", ["ID"] = "IDN", ["IE"] = "IRL", ["IL"] = "ISR", ["IM"] = "IMN",
        ["IN"] = "IND", ["IO"] = "IOT", ["IQ"] = "IRQ", ["IR"] = "IRN", ["IS"] = "ISL", ["IT"] = "ITA", ["JE"] = "JEY", ["JM"] = "JAM",
        ["JO"] = "JOR", ["JP"] = "JPN", ["KE"] = "KEN", ["KG"] = "KGZ", ["KH"] = "KHM", ["KI"] = "KIR", ["KM"] = "COM", ["KN"] = "KNA",
        ["KP"] = "PRK", ["KR"] = "KOR", ["KW"] = "KWT", ["KY"] = "CYM", ["KZ"] = "KAZ", ["LA"] = "LAO", ["LB"] = "LBN", ["LC"] = "LCA",
        ["LI"] = "LIE", ["LK"] = "LKA", ["LR"] = "LBR", ["LS"] = "LSO", ["LT"] = "LTU", ["LU"] = "LUX", ["LV"] = "LVA", ["LY"] = "LBY",
        ["MA"] = "MAR", ["MC"] = "MCO", ["MD"] = "MDA", ["ME"] = "MNE", ["MF"] = "MAF", ["MG"] = "MDG", ["MH"] = "MHL", ["MK"] = "MKD",
        ["ML"] = "MLI", ["MM"] = "MMR", ["MN"] = "MNG", ["MO"] = "MAC", ["MP"] = "MNP", ["MQ"] = "MTQ", ["MR"] = "MRT", ["MS"] = "MSR",
        ["MT"] = "MLT", ["MU"] = "MUS", ["MV"] = "MDV", ["MW"] = "MWI", ["MX"] = "MEX", ["MY"] = "MYS", ["MZ"] = "MOZ", ["NA"] = "NAM",
        ["NC"] = "NCL", ["NE"] = "NER", ["NF"] = "NFK", ["NG"] = "NGA", ["NI"] = "NIC", ["NL"] = "NLD", ["NO"] = "NOR", ["NP"] = "NPL",
        ["NR"] = "NRU", ["NU"] = "NIU", ["NZ"] = "NZL", ["OM"] = "OMN", ["PA"] = "PAN", ["PE"] = "PER", ["PF"] = "PYF", ["PG"] = "PNG",
        ["PH"] = "PHL", ["PK"] = "PAK", ["PL"] = "POL", ["PM"] = "SPM", ["PN"] = "PCN", ["PR"] = "PRI", ["PS"] = "PSE", ["PT"] = "PRT",
        ["PW"] = "PLW", ["PY"] = "PRY", ["QA"] = "QAT", ["RE"] = "REU", ["RO"] = "ROU", ["RS"] = "SRB", ["RU"] = "RUS", ["RW"] = "RWA",
        ["SA"] = "SAU", ["SB"] = "SLB", ["SC"] = "SYC", ["SD"] = "SDN", ["SE"] = "SWE", ["SG"] = "SGP", ["SH"] = "SHN", ["SI"] = "SVN",
        ["SJ"] = "SJM", ["SK"] = "SVK", ["SL"] = "SLE", ["SM"] = "SMR", ["SN"] = "SEN", ["SO"] = "SOM", ["SR"] = "SUR", ["SS"] = "SSD",
        ["ST"] = "STP", ["SV"] = "SLV", ["SX"] = "SXM", ["SY"] = "SYR", ["SZ"] = "SWZ", ["TC"] = "TCA", ["TD"] = "TCD", ["TF"] = "ATF",
        ["TG"] = "TGO", ["TH"] = "THA", ["TJ"] = "TJK", ["TK"] = "TKL", ["TL"] = "TLS", ["TM"] = "TKM", ["TN"] = "TUN", ["TO"] = "TON",
        ["TR"] = "TUR", ["TT"] = "TTO", ["TV"] = "TUV", ["TW"] = "TWN", ["TZ"] = "TZA", ["UA"] = "UKR", ["UG"] = "UGA", ["UM"] = "UMI",
        ["US"] = "USA", ["UY"] = "URY", ["UZ"] = "UZB", ["VA"] = "VAT", ["VC"] = "VCT", ["VE"] = "VEN", ["VG"] = "VGB", ["VI"] = "VIR",
        ["VN"] = "VNM", ["VU"] = "VUT", ["WF"] = "WLF", ["WS"] = "WSM", ["YE"] = "YEM", ["YT"] = "MYT", ["ZA"] = "ZAF", ["ZM"] = "ZMB",
        ["ZW"] = "ZWE",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, string> LanguageAlpha3 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aa"] = "AAR", ["ab"] = "ABK", ["ae"] = "AVE", ["af"] = "AFR", ["ak"] = "AKA", ["am"] = "AMH", ["an"] = "ARG", ["ar"] = "ARA",
        ["as"] = "ASM", ["av"] = "AVA", ["ay"] = "AYM", ["az"] = "AZE", ["ba"] = "BAK", ["be"] = "BEL", ["bg"] = "BUL", ["bh"] = "BIH",
        ["bi"] = "BIS", ["bm"] = "BAM", ["bn"] = "BEN", ["bo"] = "BOD", ["br"] = "BRE", ["bs"] = "BOS", ["ca"] = "CAT", ["ce"] = "CHE",
        ["ch"] = "CHA", ["co"] = "COS", ["cr"] = "CRE", ["cs"] = "CES", ["cu"] = "CHU", ["cv"] = "CHV", ["cy"] = "CYM", ["da"] = "DAN",
        ["de"] = "DEU", ["dv"] = "DIV", ["dz"] = "DZO", ["ee"] = "EWE", ["el"] = "ELL", ["en"] = "ENG", ["eo"] = "EPO", ["es"] = "SPA",
        ["et"] = "EST", ["eu"] = "EUS", ["fa"] = "FAS", ["ff"] = "FUL", ["fi"] = "FIN", ["fj"] = "FIJ", ["fo"] = "FAO", ["fr"] = "FRA",
        ["fy"] = "FRY", ["ga"] = "GLE", ["gd"] = "GLA", ["gl"] = "GLG", ["gn"] = "GRN", ["gu"] = "GUJ", ["gv"] = "GLV", ["ha"] = "HAU",
        ["he"] = "HEB", ["hi"] = "HIN", ["ho"] = "HMO", ["hr"] = "HRV", ["ht"] = "HAT", ["hu"] = "HUN", ["hy"] = "HYE", ["hz"] = "HER",
        ["ia"] = "INA", ["id"] = "IND", ["ie"] = "ILE", ["ig"] = "IBO", ["ii"] = "III", ["ik"] = "IPK", ["io"] = "IDO", ["is"] = "ISL",
        ["it"] = "ITA", ["iu"] = "IKU", ["ja"] = "JPN", ["jv"] = "JAV", ["ka"] = "KAT", ["kg"] = "KON", ["ki"] = "KIK", ["kj"] = "KUA",
        ["kk"] = "KAZ", ["kl"] = "KAL", ["km"] = "KHM", ["kn"] = "KAN", ["ko"] = "KOR", ["kr"] = "KAU", ["ks"] = "KAS", ["ku"] = "KUR",
        ["kv"] = "KOM", ["kw"] = "COR", ["ky"] = "KIR", ["la"] = "LAT", ["lb"] = "LTZ", ["lg"] = "LUG", ["li"] = "LIM", ["ln"] = "LIN",
        ["lo"] = "LAO", ["lt"] = "LIT", ["lu"] = "LUB", ["lv"] = "LAV", ["mg"] = "MLG", ["mh"] = "MAH", ["mi"] = "MRI", ["mk"] = "MKD",
        ["ml"] = "MAL", ["mn"] = "MON", ["mr"] = "MAR", ["ms"] = "MSA", ["mt"] = "MLT", ["my"] = "MYA", ["na"] = "NAU", ["nb"] = "NOB",
        ["nd"] = "NDE", ["ne"] = "NEP", ["ng"] = "NDO", ["nl"] = "NLD", ["nn"] = "NNO", ["no"] = "NOR", ["nr"] = "NBL", ["nv"] = "NAV",
        ["ny"] = "NYA", ["oc"] = "OCI", ["oj"] = "OJI", ["om"] = "ORM", ["or"] = "ORI", ["os"] = "OSS", ["pa"] = "PAN", ["pi"] = "PLI",
        ["pl"] = "POL", ["ps"] = "PUS", ["pt"] = "POR", ["qu"] = "QUE", ["rm"] = "ROH", ["rn"] = "RUN", ["ro"] = "RON", ["ru"] = "RUS",
        ["rw"] = "KIN", ["sa"] = "SAN", ["sc"] = "SRD", ["sd"] = "SND", ["se"] = "SME", ["sg"] = "SAG", ["si"] = "SIN", ["sk"] = "SLK",
        ["sl"] = "SLV", ["sm"] = "SMO", ["sn"] = "SNA", ["so"] = "SOM", ["sq"] = "SQI", ["sr"] = "SRP", ["ss"] = "SSW", ["st"] = "SOT",
        ["su"] = "SUN", ["sv"] = "SWE", ["sw"] = "SWA", ["ta"] = "TAM", ["te"] = "TEL", ["tg"] = "TGK", ["th"] = "THA", ["ti"] = "TIR",
        ["tk"] = "TUK", ["tl"] = "TGL", ["tn"] = "TSN", ["to"] = "TON", ["tr"] = "TUR", ["ts"] = "TSO", ["tt"] = "TAT", ["tw"] = "TWI",
        ["ty"] = "TAH", ["ug"] = "UIG", ["uk"] = "UKR", ["ur"] = "URD", ["uz"] = "UZB", ["ve"] = "VEN", ["vi"] = "VIE", ["vo"] = "VOL",
        ["wa"] = "WLN", ["wo"] = "WOL", ["xh"] = "XHO", ["yi"] = "YID", ["yo"] = "YOR", ["za"] = "ZHA", ["zh"] = "ZHO", ["zu"] = "ZUL",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
