//! Other names of countries and international bodies: adjectives
//! ("Omani"), abbreviations ("U.S.") and short forms ("Britain"), so a
//! rule's `org: Oman` fits "Omani Prime Minister" and "Oman's prime
//! minister".
//!
//! One flat table of (name as written, canonical name), general English
//! usage only. Ambiguous adjectives ("Korean", "Congolese") are left out:
//! a wrong match is worse than none. It knows nothing of entities in rule
//! files; `RuleSet::org_matches` adds those.

/// (variant, canonical) pairs. Variants are lower case with dots removed,
/// as [`normalize_place`] writes them; sorted by variant for binary search.
pub const PLACE_NAMES: &[(&str, &str)] = &[
    ("afghan", "afghanistan"),
    ("african union", "african union"),
    ("albanian", "albania"),
    ("algerian", "algeria"),
    ("america", "united states"),
    ("american", "united states"),
    ("argentine", "argentina"),
    ("argentinian", "argentina"),
    ("armenian", "armenia"),
    ("au", "african union"),
    ("australian", "australia"),
    ("austrian", "austria"),
    ("azerbaijani", "azerbaijan"),
    ("bahraini", "bahrain"),
    ("bangladeshi", "bangladesh"),
    ("belarusian", "belarus"),
    ("belgian", "belgium"),
    ("bolivian", "bolivia"),
    ("bosnian", "bosnia and herzegovina"),
    ("brazilian", "brazil"),
    ("britain", "united kingdom"),
    ("british", "united kingdom"),
    ("bulgarian", "bulgaria"),
    ("burmese", "myanmar"),
    ("cambodian", "cambodia"),
    ("cameroonian", "cameroon"),
    ("canadian", "canada"),
    ("chilean", "chile"),
    ("chinese", "china"),
    ("colombian", "colombia"),
    ("croatian", "croatia"),
    ("cuban", "cuba"),
    ("cypriot", "cyprus"),
    ("czech", "czech republic"),
    ("czechia", "czech republic"),
    ("danish", "denmark"),
    ("dutch", "netherlands"),
    ("ecuadorian", "ecuador"),
    ("egyptian", "egypt"),
    ("emirati", "united arab emirates"),
    ("eritrean", "eritrea"),
    ("estonian", "estonia"),
    ("ethiopian", "ethiopia"),
    ("eu", "european union"),
    ("filipino", "philippines"),
    ("finnish", "finland"),
    ("french", "france"),
    ("georgian", "georgia"),
    ("german", "germany"),
    ("ghanaian", "ghana"),
    ("great britain", "united kingdom"),
    ("greek", "greece"),
    ("guatemalan", "guatemala"),
    ("haitian", "haiti"),
    ("holland", "netherlands"),
    ("honduran", "honduras"),
    ("hungarian", "hungary"),
    ("icelandic", "iceland"),
    ("indian", "india"),
    ("indonesian", "indonesia"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("irish", "ireland"),
    ("israeli", "israel"),
    ("italian", "italy"),
    ("ivorian", "ivory coast"),
    ("jamaican", "jamaica"),
    ("japanese", "japan"),
    ("jordanian", "jordan"),
    ("kazakh", "kazakhstan"),
    ("kenyan", "kenya"),
    ("kosovar", "kosovo"),
    ("kuwaiti", "kuwait"),
    ("kyrgyz", "kyrgyzstan"),
    ("lao", "laos"),
    ("latvian", "latvia"),
    ("lebanese", "lebanon"),
    ("libyan", "libya"),
    ("lithuanian", "lithuania"),
    ("malaysian", "malaysia"),
    ("maltese", "malta"),
    ("mexican", "mexico"),
    ("moldovan", "moldova"),
    ("mongolian", "mongolia"),
    ("montenegrin", "montenegro"),
    ("moroccan", "morocco"),
    ("nato", "nato"),
    ("nepalese", "nepal"),
    ("nepali", "nepal"),
    ("new zealander", "new zealand"),
    ("nicaraguan", "nicaragua"),
    ("nigerian", "nigeria"),
    ("nigerien", "niger"),
    ("north atlantic treaty organization", "nato"),
    ("north korean", "north korea"),
    ("norwegian", "norway"),
    ("omani", "oman"),
    ("pakistani", "pakistan"),
    ("palestinian", "palestine"),
    ("panamanian", "panama"),
    ("paraguayan", "paraguay"),
    ("peruvian", "peru"),
    ("philippine", "philippines"),
    ("polish", "poland"),
    ("portuguese", "portugal"),
    ("prc", "china"),
    ("qatari", "qatar"),
    ("romanian", "romania"),
    ("russian", "russia"),
    ("russian federation", "russia"),
    ("rwandan", "rwanda"),
    ("salvadoran", "el salvador"),
    ("saudi", "saudi arabia"),
    ("senegalese", "senegal"),
    ("serbian", "serbia"),
    ("singaporean", "singapore"),
    ("slovak", "slovakia"),
    ("slovenian", "slovenia"),
    ("somali", "somalia"),
    ("south african", "south africa"),
    ("south korean", "south korea"),
    ("south sudanese", "south sudan"),
    ("spanish", "spain"),
    ("sri lankan", "sri lanka"),
    ("sudanese", "sudan"),
    ("swedish", "sweden"),
    ("swiss", "switzerland"),
    ("syrian", "syria"),
    ("taiwanese", "taiwan"),
    ("tajik", "tajikistan"),
    ("tanzanian", "tanzania"),
    ("thai", "thailand"),
    ("tunisian", "tunisia"),
    ("turkish", "turkey"),
    ("turkiye", "turkey"),
    ("turkmen", "turkmenistan"),
    ("türkiye", "turkey"),
    ("uae", "united arab emirates"),
    ("ugandan", "uganda"),
    ("uk", "united kingdom"),
    ("ukrainian", "ukraine"),
    ("un", "united nations"),
    ("uruguayan", "uruguay"),
    ("us", "united states"),
    ("usa", "united states"),
    ("uzbek", "uzbekistan"),
    ("venezuelan", "venezuela"),
    ("vietnamese", "vietnam"),
    ("yemeni", "yemen"),
    ("zambian", "zambia"),
    ("zimbabwean", "zimbabwe"),
];

/// Lower case, dots dropped, curly apostrophes straightened, a possessive
/// ("Oman's", "the Netherlands'") and a leading "the" removed, spaces
/// collapsed: "the U.S.'s" becomes "us".
pub fn normalize_place(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        for c in w.chars() {
            match c {
                '.' => {}
                '\u{2019}' | '\u{2018}' => s.push('\''),
                c => s.extend(c.to_lowercase()),
            }
        }
    }
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix('\''))
        .unwrap_or(&s);
    s.strip_prefix("the ").unwrap_or(s).to_owned()
}

/// The canonical name of a place or body, if the table knows `name` as one
/// of its other names; otherwise the normalised name itself.
pub fn canonical_place(name: &str) -> String {
    let n = normalize_place(name);
    match super::lookup_sorted(PLACE_NAMES, &n) {
        Some(canon) => canon.to_owned(),
        None => n,
    }
}

/// Whether the org written in an article fits the org of a rule, by name,
/// abbreviation or adjective: `org_matches("United States", "U.S.")`,
/// `org_matches("Oman", "Omani")`, `org_matches("Oman", "Oman's")`.
pub fn org_matches(rule_org: &str, article_org: &str) -> bool {
    let a = canonical_place(article_org);
    !a.is_empty() && canonical_place(rule_org) == a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_table_is_sorted_and_normalized() {
        assert!(PLACE_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for (v, c) in PLACE_NAMES {
            assert_eq!(normalize_place(v), *v);
            assert_eq!(normalize_place(c), *c);
        }
    }

    #[test]
    fn adjective_and_possessive_fit_the_country() {
        assert!(org_matches("Oman", "Omani"));
        assert!(org_matches("Oman", "Oman's"));
        assert!(org_matches("Oman", "Oman\u{2019}s"));
    }

    #[test]
    fn abbreviations_with_or_without_dots_fit_the_united_states() {
        for a in [
            "US",
            "U.S.",
            "American",
            "United States",
            "the United States",
            "USA",
        ] {
            assert!(org_matches("United States", a), "{a}");
        }
        assert!(org_matches("U.S.", "American"));
    }

    #[test]
    fn different_countries_do_not_match() {
        assert!(!org_matches("Oman", "Chilean"));
        assert!(!org_matches("United States", "British"));
        assert!(!org_matches("Oman", ""));
    }

    #[test]
    fn unknown_orgs_match_only_by_name() {
        assert!(org_matches("Acme Corp.", "acme corp"));
        assert!(!org_matches("Acme Corp", "Acme"));
    }
}
