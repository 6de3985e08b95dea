//! Word forms: feminine surnames, Russian patronymics, Russian-style suffixes on native roots.

use super::data::NameForms;

const HUSHING: &str = "жшчщц";
const VOWELS: &str = "аеёиоуыэюяәөұүіўӣӯ";

fn last_char(word: &str) -> Option<char> {
    word.chars().last()
}

fn drop_last(word: &str) -> &str {
    word.char_indices().last().map_or(word, |(i, _)| &word[..i])
}

/// The feminine form of a Russian-style surname (`Шокаев` → `Шокаева`, `Покровский` →
/// `Покровская`); invariable surnames (`Белых`, `Шевченко`, `Шоқай`) stay as they are.
pub fn feminine_surname(surname: &str) -> String {
    let lower = surname.to_lowercase();
    let upper = !surname.chars().any(char::is_lowercase);
    let form = if lower.ends_with("ский") || lower.ends_with("цкий") {
        format!("{}ая", drop_last(drop_last(surname)))
    } else if ["ов", "ев", "ёв", "ин", "ын"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        format!("{surname}а")
    } else if lower.ends_with("ov") || lower.ends_with("ev") || lower.ends_with("in") {
        format!("{surname}a")
    } else {
        surname.to_string()
    };
    if upper { form.to_uppercase() } else { form }
}

/// The Russian patronymic from a father's given name (`Ахмет` → `Ахметович`/`Ахметовна`,
/// `Николай` → `Николаевич`, `Василий` → `Васильевич`, `Мустафа` → `Мустафаевич`).
pub fn russian_patronymic(father: &NameForms, female: bool) -> String {
    if let Some((m, f)) = &father.patronymic {
        return if female { f.clone() } else { m.clone() };
    }
    let name = father.ru.as_str();
    let (stem, soft) = match last_char(name) {
        Some('й') if name.ends_with("ий") => (format!("{}ь", drop_last(drop_last(name))), true),
        Some('й') | Some('ь') => (drop_last(name).to_string(), true),
        Some(c) if HUSHING.contains(c) || VOWELS.contains(c) => (name.to_string(), true),
        _ => (name.to_string(), false),
    };
    let suffix = match (soft, female) {
        (true, false) => "евич",
        (true, true) => "евна",
        (false, false) => "ович",
        (false, true) => "овна",
    };
    format!("{stem}{suffix}")
}

/// A native root with the Russian surname suffix (`Шоқай` → `Шоқаев`, `Ахмет` → `Ахметов`);
/// roots that already carry a suffix are kept.
pub fn suffixed_root(root: &str) -> String {
    let lower = root.to_lowercase();
    if ["ов", "ев", "ин", "зода", "ӣ"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        return root.to_string();
    }
    match last_char(root) {
        Some('й') => format!("{}ев", drop_last(root)),
        Some(c) if HUSHING.contains(c) || VOWELS.contains(c) => format!("{root}ев"),
        _ => format!("{root}ов"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(ru: &str) -> NameForms {
        NameForms {
            ru: ru.into(),
            native: ru.into(),
            patronymic: None,
        }
    }

    #[test]
    fn feminine_forms() {
        assert_eq!(feminine_surname("Шокаев"), "Шокаева");
        assert_eq!(feminine_surname("ШОКАЕВ"), "ШОКАЕВА");
        assert_eq!(feminine_surname("Покровский"), "Покровская");
        assert_eq!(feminine_surname("Белых"), "Белых");
        assert_eq!(feminine_surname("Aliyev"), "Aliyeva");
    }

    #[test]
    fn patronymics() {
        assert_eq!(russian_patronymic(&name("Ахмет"), false), "Ахметович");
        assert_eq!(russian_patronymic(&name("Ахмет"), true), "Ахметовна");
        assert_eq!(russian_patronymic(&name("Николай"), false), "Николаевич");
        assert_eq!(russian_patronymic(&name("Василий"), true), "Васильевна");
        assert_eq!(russian_patronymic(&name("Мустафа"), false), "Мустафаевич");
        assert_eq!(russian_patronymic(&name("Эргаш"), false), "Эргашевич");
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffixed_root("Шоқай"), "Шоқаев");
        assert_eq!(suffixed_root("Ахмет"), "Ахметов");
        assert_eq!(suffixed_root("Сейфуллин"), "Сейфуллин");
    }
}
