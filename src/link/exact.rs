//! The term-frequency adjusted weights of exact agreement, worked out once per value when the
//! model is fitted: every pair agreeing on a value then reads its weight instead of taking a
//! logarithm of the value's frequency again (tens of millions of pairs share far fewer values).

use super::features::{Feat, Features, Vocab};
use super::fields::LinkField;
use super::train::Model;

/// The weight of exact agreement on each value of the fields that adjust it, and of each
/// generic comparison.
#[derive(Debug, Clone, Default)]
pub(crate) struct ExactWeights {
    /// Per field (by [`LinkField::index`]), per value id: the adjusted weight, or `None` where
    /// the learnt weight stands (empty for the fields not adjusted).
    fixed: Vec<Vec<Option<f64>>>,
    /// Per generic comparison, per value id: the weight of exact agreement.
    generic: Vec<Vec<f64>>,
}

impl ExactWeights {
    /// The weights of every value under `model`, as [`Model::adjusted_exact`] and
    /// [`Model::adjusted_generic_exact`] give them.
    pub(crate) fn of(model: &Model, feats: &Features) -> ExactWeights {
        let fixed = LinkField::ALL
            .into_iter()
            .map(|field| {
                let values = vocab_of(feats, field).map_or(0, |v| v.strings.len() as u32);
                (0..values)
                    .map(|id| model.adjusted_exact(feats, field, id))
                    .collect()
            })
            .collect();
        let generic = feats
            .generic
            .columns
            .iter()
            .enumerate()
            .map(|(c, compared)| {
                (0..compared.vocab.strings.len() as u32)
                    .map(|id| model.adjusted_generic_exact(feats, c, id))
                    .collect()
            })
            .collect();
        ExactWeights { fixed, generic }
    }

    /// The weight of exact agreement of `field` on value `id`; `None` when not worked out.
    pub(crate) fn fixed(&self, field: LinkField, id: u32) -> Option<Option<f64>> {
        self.fixed.get(field.index())?.get(id as usize).copied()
    }

    /// The weight of exact agreement of the generic comparison `column` on value `id`; `None`
    /// when not worked out.
    pub(crate) fn generic(&self, column: usize, id: u32) -> Option<f64> {
        self.generic.get(column)?.get(id as usize).copied()
    }
}

/// The vocabulary of the values a field's exact agreement is adjusted by; `None` for the fields
/// not adjusted.
pub(crate) fn vocab_of(feats: &Features, field: LinkField) -> Option<&Vocab> {
    use LinkField::{Arrest, BirthPlace, Decision, Father, Given, Surname};
    match field {
        Surname => Some(&feats.surnames),
        Given | Father => Some(&feats.givens),
        BirthPlace => Some(&feats.places),
        Arrest => Some(&feats.arrest_days),
        Decision => Some(&feats.decision_days),
        _ => None,
    }
}

/// The value two mentions agree on exactly in a field whose agreement is adjusted; `None` for
/// the other fields.
pub(crate) fn value_id(field: LinkField, x: &Feat, y: &Feat) -> Option<u32> {
    use LinkField::{Arrest, BirthPlace, Decision, Father, Given, Surname};
    match field {
        Surname => Some(x.surname),
        Given => Some(x.given),
        Father => Some(x.father.min(y.father)),
        BirthPlace => Some(x.place),
        Arrest => Some(x.arrest_day),
        Decision => Some(x.decision_day),
        _ => None,
    }
}
