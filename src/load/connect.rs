//! Connecting to the server: the URL (or `key=value` string) read by the driver, and a name of
//! the target for messages that never shows the password.

use super::LoadError;
use std::str::FromStr;
use std::time::Duration;

/// The `application_name` a load connects with (seen in `pg_stat_activity`).
pub const APPLICATION_NAME: &str = "rehab load";

/// How long connecting may take before it is an error.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Opens a connection to the server the URL names (`postgresql://user@host:port/db` or
/// `host=... dbname=...`), without TLS.
pub fn connect(url: &str) -> Result<postgres::Client, LoadError> {
    let mut config = postgres::Config::from_str(url).map_err(|e| LoadError::Url {
        message: e.to_string(),
    })?;
    config
        .application_name(APPLICATION_NAME)
        .connect_timeout(CONNECT_TIMEOUT);
    let target = describe(&config);
    config
        .connect(postgres::NoTls)
        .map_err(|e| LoadError::Connect {
            target,
            message: super::describe_error(&e),
        })
}

/// `user@host:port/dbname` of a configuration, without its password.
pub fn describe(config: &postgres::Config) -> String {
    let user = config.get_user().unwrap_or("(default user)");
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let host = if hosts.is_empty() {
        "localhost".to_string()
    } else {
        hosts.join(",")
    };
    let port = config
        .get_ports()
        .first()
        .map_or("5432".to_string(), |p| p.to_string());
    let db = config.get_dbname().unwrap_or(user);
    format!("postgresql://{user}@{host}:{port}/{db}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_is_named_without_its_password() {
        let config =
            postgres::Config::from_str("postgresql://ann:secret@db.example:6543/archive").unwrap();
        let named = describe(&config);
        assert_eq!(named, "postgresql://ann@db.example:6543/archive");
        assert!(!named.contains("secret"));
    }

    #[test]
    fn an_unreadable_url_is_a_configuration_error_that_does_not_echo_it() {
        let Err(err) = connect("postgresql://ann:secret@host:notaport/db") else {
            panic!("a port that is no number was read");
        };
        assert!(err.is_configuration());
        assert!(!err.to_string().contains("secret"), "{err}");
    }
}
