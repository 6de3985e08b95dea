//! A test set of names: invented persons' names in Cyrillic, as the generator's Russian,
//! Kazakh and Uzbek lists start from them, and every way the generator writes such a name.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::SynthError;
use super::data::Tables;
use super::person::PersonMaker;
use super::sources::{
    KAZAKH_LIST, Mention, Parts, Source, UZBEK_LIST, kazakh_parts, russian_parts,
    uzbek_cyrillic_parts,
};
use super::translit::{self, Scheme};

/// `count` persons' names in Cyrillic, deterministic for a seed: in turn the Russian archival
/// form, the Kazakh list's and the Uzbek list's (each the Russian form for other cultures).
pub fn people(tables: &Tables, count: usize, seed: u64) -> Result<Vec<Parts>, SynthError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut maker = PersonMaker::new();
    (0..count)
        .map(|i| {
            let person = maker.next_person(tables, &mut rng);
            let names = person.resolve(tables).ok_or_else(|| {
                SynthError::Data(format!("person {} does not fit the tables", person.id))
            })?;
            let (person, names) = (&person, &names);
            let list = |source: &'static Source| Mention {
                layout: &source.layout,
                person,
                names,
                tables,
            };
            Ok(match i % 3 {
                0 => russian_parts(person, names),
                1 => kazakh_parts(&list(&KAZAKH_LIST), &mut rng),
                _ => uzbek_cyrillic_parts(&list(&UZBEK_LIST), &mut rng),
            })
        })
        .collect()
}

/// Every rendering of `name` the generator writes: the Cyrillic, each romanisation scheme, and
/// the Uzbek Latin alphabet.
pub fn renderings(tables: &Tables, name: &Parts) -> Vec<String> {
    let cyrillic = name.plain();
    let mut forms = vec![cyrillic.clone()];
    forms.extend(
        Scheme::ALL
            .iter()
            .map(|&scheme| translit::romanize(tables, &cyrillic, scheme)),
    );
    forms.push(translit::uzbek_latin(tables, &cyrillic));
    forms
}
