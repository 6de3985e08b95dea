//! Clustering that does not chain: edges in descending score order merge two clusters only when
//! the edge clears the threshold, no two of their members disagree by more than a bound (the
//! evidence against them, outside the names, that brought them together) and nothing contradicts
//! the merge. Archivists'
//! `same` judgements merge first, unconditionally; `different` judgements are never crossed.

use super::compare;
use super::features::{Features, NONE};
use super::fields::GivenLevel;
use super::names;
use super::train::Model;

/// Largest number of members per side compared before a merge.
const LINKAGE_CAP: usize = 16;
/// Least score two mentions of one source need to be one person: a list names a person once,
/// so two of its entries are one person only when they are plainly one entry written twice.
const SAME_SOURCE_MIN: f64 = 2.0;
/// Largest spread of birth years within one person.
const MAX_YEAR_SPREAD: i32 = 2;

/// What became of one edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Merged two clusters.
    Merged,
    /// Merged a lone mention into the one person all its pairs lead to, below the threshold.
    Lone,
    /// An archivist's `same` judgement.
    MustLink,
    /// Both ends were already in one cluster.
    Already,
    /// Kept apart: birth years more than two apart.
    BirthYears,
    /// Kept apart: genders differ.
    Genders,
    /// Kept apart: the clusters hold patronymics (fathers' names) that differ.
    Fathers,
    /// Kept apart: an archivist's `different` judgement.
    CannotLink,
    /// Kept apart: the edge scores below the threshold.
    Weak,
    /// Kept apart: a mention of the pair fits two persons about equally and is held apart.
    Held,
    /// Kept apart: a mention of one cluster disagrees with one of the other beyond the bound.
    Incoherent,
    /// Kept apart: the clusters hold two mentions of one source that are not plainly one entry
    /// written twice.
    SameSource,
}

impl Verdict {
    /// Whether the edge merged two clusters.
    pub fn merged(self) -> bool {
        matches!(self, Verdict::Merged | Verdict::Lone)
    }

    /// A short note for reports.
    pub fn note(self) -> &'static str {
        match self {
            Verdict::Merged => "merged",
            Verdict::Lone => "merged: the only person its pairs lead to",
            Verdict::MustLink => "merged: archivist judgement same",
            Verdict::Already => "already in one cluster",
            Verdict::BirthYears => "kept apart: birth years more than 2 apart",
            Verdict::Genders => "kept apart: genders differ",
            Verdict::Fathers => "kept apart: patronymics differ",
            Verdict::CannotLink => "kept apart: archivist judgement different",
            Verdict::Weak => "kept apart: score below threshold",
            Verdict::Held => "kept apart: the mention fits two persons about equally",
            Verdict::Incoherent => "kept apart: two mentions disagree too much",
            Verdict::SameSource => "kept apart: two entries of one list",
        }
    }
}

/// What the member pairs of two clusters say about merging them.
struct MemberChecks {
    /// The most evidence against (bits) of any member pair.
    most_against: f64,
    /// The least score of a member pair from one source (infinite when there is none).
    weakest_same_source: f64,
}

/// Mutable clustering state: union-find with per-cluster summaries.
pub(crate) struct Clusters<'a> {
    feats: &'a Features,
    model: &'a Model,
    threshold: f64,
    max_disagreement: f64,
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
    year_min: Vec<i32>,
    year_max: Vec<i32>,
    genders: Vec<u8>,
    /// Distinct (father key, patronymic as written) per cluster.
    fathers: Vec<Vec<(u32, u32)>>,
    /// Cannot-link pairs in both directions, sorted.
    cannot: Vec<(u32, u32)>,
    /// Member pairs scored before merges.
    pub compared: u64,
}

impl<'a> Clusters<'a> {
    /// Singleton clusters for every mention.
    pub fn new(
        feats: &'a Features,
        model: &'a Model,
        threshold: f64,
        max_disagreement: f64,
        cannot: &[(u32, u32)],
    ) -> Self {
        let n = feats.rows.len();
        let years = |i: usize| feats.rows[i].birth.and_then(|b| b.year);
        let mut both: Vec<(u32, u32)> =
            cannot.iter().flat_map(|&(a, b)| [(a, b), (b, a)]).collect();
        both.sort_unstable();
        both.dedup();
        Clusters {
            feats,
            model,
            threshold,
            max_disagreement,
            parent: (0..n as u32).collect(),
            members: (0..n as u32).map(|i| vec![i]).collect(),
            year_min: (0..n).map(|i| years(i).unwrap_or(i32::MAX)).collect(),
            year_max: (0..n).map(|i| years(i).unwrap_or(i32::MIN)).collect(),
            genders: feats
                .rows
                .iter()
                .map(|f| if f.gender == 0 { 0 } else { 1 << f.gender })
                .collect(),
            fathers: feats
                .rows
                .iter()
                .map(|f| {
                    if f.father == NONE {
                        Vec::new()
                    } else {
                        vec![(f.father, f.patronymic_surface)]
                    }
                })
                .collect(),
            cannot: both,
            compared: 0,
        }
    }

    /// The root of a mention's cluster.
    pub fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let grand = self.parent[self.parent[i as usize] as usize];
            self.parent[i as usize] = grand;
            i = grand;
        }
        i
    }

    /// Merges the clusters of a `same` judgement, whatever they contain.
    pub fn must_link(&mut self, a: u32, b: u32) -> Verdict {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.union(ra, rb);
        }
        Verdict::MustLink
    }

    /// Considers one scored edge.
    pub fn offer(&mut self, a: u32, b: u32, score: f64) -> Verdict {
        self.offer_at(a, b, score, self.threshold)
    }

    /// Considers one scored edge against a given threshold.
    pub fn offer_at(&mut self, a: u32, b: u32, score: f64, threshold: f64) -> Verdict {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Verdict::Already;
        }
        if let Some(reason) = self.contradiction((a, b), (ra, rb)) {
            return reason;
        }
        if score < threshold {
            return Verdict::Weak;
        }
        let single = self.members[ra as usize].len() == 1 && self.members[rb as usize].len() == 1;
        let checks = self.member_checks(ra, rb, single);
        if !single && checks.most_against > self.max_disagreement {
            return Verdict::Incoherent;
        }
        if checks.weakest_same_source < SAME_SOURCE_MIN {
            return Verdict::SameSource;
        }
        self.union(ra, rb);
        Verdict::Merged
    }

    /// Why two clusters cannot be one person, if they cannot. Birth years far apart are no
    /// contradiction when other columns vouch for the edge (a mistyped year in a register whose
    /// social security number and address agree); they are asked only then. `edge` is the
    /// offered pair of mentions, `roots` their clusters.
    fn contradiction(&self, edge: (u32, u32), roots: (u32, u32)) -> Option<Verdict> {
        let (ra, rb) = roots;
        let (a, b) = (ra as usize, rb as usize);
        let lo = self.year_min[a].min(self.year_min[b]);
        let hi = self.year_max[a].max(self.year_max[b]);
        let spread = hi != i32::MIN && lo != i32::MAX && hi - lo > MAX_YEAR_SPREAD;
        let (x, y) = edge;
        if spread && !self.model.columns_vouch(self.feats, x as usize, y as usize) {
            return Some(Verdict::BirthYears);
        }
        if (self.genders[a] | self.genders[b]).count_ones() > 1 {
            return Some(Verdict::Genders);
        }
        if self.fathers_differ(a, b) {
            return Some(Verdict::Fathers);
        }
        self.crosses_cannot_link(ra, rb)
            .then_some(Verdict::CannotLink)
    }

    /// Whether a father key of one cluster differs from one of the other beyond a spelling
    /// variant, an initial or a typo in the patronymic as written.
    fn fathers_differ(&self, a: usize, b: usize) -> bool {
        any_fathers_differ(self.feats, &self.fathers[a], &self.fathers[b])
    }

    /// Whether any member of one cluster must not be linked to a member of the other.
    fn crosses_cannot_link(&self, ra: u32, rb: u32) -> bool {
        if self.cannot.is_empty() {
            return false;
        }
        let (small, other) = if self.members[ra as usize].len() <= self.members[rb as usize].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.members[small as usize].iter().any(|&x| {
            let start = self.cannot.partition_point(|&(p, _)| p < x);
            self.cannot[start..]
                .iter()
                .take_while(|&&(p, _)| p == x)
                .any(|&(_, y)| self.root_of(y) == other)
        })
    }

    /// The root of a mention without path compression.
    fn root_of(&self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            i = self.parent[i as usize];
        }
        i
    }

    /// What the member pairs of two clusters say (members capped per side): the most evidence
    /// against any pair, and the least score of a pair from one source. Two lone mentions are
    /// judged by their score alone, when they come from one source; otherwise the pairs are
    /// read only until one disagrees beyond the bound, which settles the merge.
    fn member_checks(&mut self, ra: u32, rb: u32, single: bool) -> MemberChecks {
        let xs = &self.members[ra as usize];
        let ys = &self.members[rb as usize];
        let mut checks = MemberChecks {
            most_against: 0.0,
            weakest_same_source: f64::INFINITY,
        };
        for &x in xs.iter().take(LINKAGE_CAP) {
            for &y in ys.iter().take(LINKAGE_CAP) {
                let (x, y) = (x as usize, y as usize);
                let same_source = self.feats.rows[x].source == self.feats.rows[y].source;
                if single && !same_source {
                    continue;
                }
                let levels = compare::levels(self.feats, x, y);
                self.compared += 1;
                if !single {
                    let against = self.model.evidence_against(self.feats, &levels, x, y);
                    checks.most_against = checks.most_against.max(against);
                    if checks.most_against > self.max_disagreement {
                        return checks;
                    }
                }
                if same_source {
                    let score = self.model.score(self.feats, &levels, x, y);
                    checks.weakest_same_source = checks.weakest_same_source.min(score);
                }
            }
        }
        checks
    }

    /// Joins two clusters, keeping the larger root.
    fn union(&mut self, ra: u32, rb: u32) {
        let (keep, gone) = if self.members[ra as usize].len() >= self.members[rb as usize].len() {
            (ra as usize, rb as usize)
        } else {
            (rb as usize, ra as usize)
        };
        self.parent[gone] = keep as u32;
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
        self.year_min[keep] = self.year_min[keep].min(self.year_min[gone]);
        self.year_max[keep] = self.year_max[keep].max(self.year_max[gone]);
        self.genders[keep] |= self.genders[gone];
        let fathers = std::mem::take(&mut self.fathers[gone]);
        for f in fathers {
            if !self.fathers[keep].contains(&f) {
                self.fathers[keep].push(f);
            }
        }
    }

    /// The number of mentions in a mention's cluster.
    pub fn size_of(&mut self, i: u32) -> usize {
        let root = self.find(i);
        self.members[root as usize].len()
    }

    /// The root of every mention's cluster.
    pub fn labels(&mut self) -> Vec<u32> {
        (0..self.parent.len() as u32)
            .map(|i| self.find(i))
            .collect()
    }

    /// The final clusters: each sorted, ordered by first member.
    pub fn into_clusters(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len() as u32;
        let roots: Vec<u32> = (0..n).map(|i| self.find(i)).collect();
        let mut clusters: Vec<Vec<usize>> = (0..n as usize)
            .filter(|&i| roots[i] as usize == i)
            .map(|r| {
                let mut c: Vec<usize> = self.members[r].iter().map(|&x| x as usize).collect();
                c.sort_unstable();
                c
            })
            .collect();
        clusters.sort_unstable_by_key(|c| c.first().copied().unwrap_or(usize::MAX));
        clusters
    }
}

/// Whether a father of one list differs from one of the other beyond a spelling variant, an
/// initial or a typo in the patronymic as written.
fn any_fathers_differ(feats: &Features, xs: &[(u32, u32)], ys: &[(u32, u32)]) -> bool {
    let vocab = &feats.givens;
    xs.iter().any(|&(x, x_written)| {
        ys.iter().any(|&(y, y_written)| {
            compare::given_level(x, y, vocab) == Some(GivenLevel::Different)
                && !compare::is_slip(vocab.text(x), vocab.text(y))
                && !names::one_typo_apart(feats, x_written, y_written)
        })
    })
}
