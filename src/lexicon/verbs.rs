//! Verb forms: irregular past tenses and participles of common news verbs,
//! so that "met" and "meet", "struck" and "strike" compare as one verb.

/// (form, base) pairs, sorted by form for binary search.
const IRREGULAR: &[(&str, &str)] = &[
    ("ate", "eat"),
    ("beat", "beat"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("did", "do"),
    ("done", "do"),
    ("drew", "draw"),
    ("drove", "drive"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("fought", "fight"),
    ("found", "find"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("got", "get"),
    ("had", "have"),
    ("has", "have"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hit", "hit"),
    ("hurt", "hurt"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("put", "put"),
    ("ran", "run"),
    ("rose", "rise"),
    ("said", "say"),
    ("sank", "sink"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("set", "set"),
    ("shot", "shoot"),
    ("shut", "shut"),
    ("sold", "sell"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("was", "be"),
    ("went", "go"),
    ("were", "be"),
    ("won", "win"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Whether `word` (lower case) is an irregular past form ("came",
/// "won"): a verb, never a noun's head.
pub fn is_irregular_past(word: &str) -> bool {
    IRREGULAR.binary_search_by(|(f, _)| (*f).cmp(word)).is_ok()
}

/// A crude stem that joins the forms of one verb or noun: irregular forms
/// to their base, then `-ing`, `-ed`, `-es`, `-s` and a final `e` dropped.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let w = match super::lookup_sorted(IRREGULAR, &w) {
        Some(base) => base.to_owned(),
        None => w,
    };
    let mut s = w.as_str();
    for suffix in ["ing", "ed", "es", "s"] {
        if s.len() > suffix.len() + 2 {
            if let Some(t) = s.strip_suffix(suffix) {
                s = t;
                break;
            }
        }
    }
    let s = s.strip_suffix('e').filter(|t| t.len() > 2).unwrap_or(s);
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_table_is_sorted() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn forms_of_one_verb_share_a_stem() {
        assert_eq!(stem("struck"), stem("strike"));
        assert_eq!(stem("collapsed"), stem("collapse"));
        assert_eq!(stem("Arrived"), stem("arrive"));
        assert_eq!(stem("met"), stem("meeting"));
        assert_ne!(stem("met"), stem("arrived"));
    }
}
