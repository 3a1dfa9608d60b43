/// International organisations, alliances, agencies and blocs that foreign-affairs news names often
/// (our own list). They become the `organisation` gazetteer flag, as whole names or phrases.
public enum OrganisationNames {
    public static let all: [String] = [
        "United Nations", "UN", "U.N.", "Security Council", "General Assembly", "UNICEF", "UNHCR", "UNESCO",
        "UNRWA", "UNDP", "World Food Programme", "WFP", "World Health Organization", "WHO", "IAEA",
        "International Atomic Energy Agency", "International Monetary Fund", "IMF", "World Bank",
        "World Trade Organization", "WTO", "International Criminal Court", "ICC", "International Court of Justice",
        "ICJ", "Red Cross", "International Committee of the Red Cross", "ICRC", "Red Crescent",
        "NATO", "North Atlantic Treaty Organization", "European Union", "EU", "European Commission",
        "European Parliament", "European Council", "Council of Europe", "European Central Bank", "ECB",
        "OSCE", "Organization for Security and Co-operation in Europe", "African Union", "AU", "ECOWAS",
        "Economic Community of West African States", "SADC", "IGAD", "Arab League", "League of Arab States",
        "Gulf Cooperation Council", "GCC", "OPEC", "OECD", "ASEAN", "Association of Southeast Asian Nations",
        "APEC", "G7", "G20", "BRICS", "Mercosur", "Shanghai Cooperation Organisation", "SCO", "CSTO",
        "Commonwealth", "Organization of American States", "OAS", "CARICOM", "Pacific Islands Forum",
        "Arctic Council", "Interpol", "Europol", "Frontex", "Amnesty International", "Human Rights Watch",
        "Doctors Without Borders", "Medecins Sans Frontieres", "MSF", "Greenpeace", "Hamas", "Hezbollah",
        "Taliban", "Houthis", "Islamic State", "al Qaeda", "al-Qaeda", "Kremlin", "Pentagon", "State Department",
        "White House", "Foreign Office", "Foreign Ministry", "Defence Ministry", "Defense Ministry",
        "Congress", "Senate", "Bundestag", "Knesset", "Duma", "Reuters", "Associated Press", "AP", "AFP",
        "Agence France-Presse", "BBC", "Xinhua", "TASS", "Interfax", "Al Jazeera", "CNN",
    ]
}
