//! The advisory lock that keeps two loads of one schema apart: held by the load's transaction
//! and released by its end (commit, rollback or a dropped connection). A second load does not
//! wait: it is refused at once.

use super::LoadError;

/// The two keys of the lock of a schema, as SQL: `pg_locks` shows them as `classid` and `objid`.
const KEY_SQL: &str = "hashtext('rehab load'), hashtext($1)";

/// Takes the schema's lock for the rest of the transaction, or refuses when another load has it.
pub fn take(tx: &mut postgres::Transaction<'_>, schema: &str) -> Result<(), LoadError> {
    let sql = format!("SELECT pg_try_advisory_xact_lock({KEY_SQL})");
    let got: bool = tx
        .query_one(&sql, &[&schema])
        .map_err(|e| LoadError::Load {
            schema: schema.to_string(),
            step: "taking the advisory lock".to_string(),
            message: super::describe_error(&e),
        })?
        .get(0);
    if got {
        Ok(())
    } else {
        Err(LoadError::Busy {
            schema: schema.to_string(),
            key: format!("pg_advisory_xact_lock(hashtext('rehab load'), hashtext('{schema}'))"),
        })
    }
}

/// The SQL that takes the same lock in another session (for operators and tests that must keep
/// loads out for a while): `SELECT pg_advisory_lock(hashtext('rehab load'), hashtext($1))`.
pub fn session_lock_sql() -> String {
    format!("SELECT pg_advisory_lock({KEY_SQL})")
}
