//! `rehab serve`: the archivist's desk over a run's output folder, in a browser.

use super::{InputError, Status};
use rehab::serve::{ServeError, Settings};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Arguments of `rehab serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  rehab serve --output output --links links.csv\n  \
    then open http://127.0.0.1:8080/ and judge the doubtful pairs under Review"
)]
pub struct Args {
    /// The run's output folder (its rehab.sqlite and review.csv are read).
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Address to listen on; one other than 127.0.0.1 or ::1 needs an access token.
    #[arg(short, long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Links file each judgement made under Review is appended to (created if missing; keep it
    /// outside the output folder and pass it to the next `rehab run --links`).
    #[arg(short, long)]
    pub links: Option<PathBuf>,
    /// Access token every request must carry (header `Authorization: Bearer T`, or once as
    /// `?token=T`, which sets a cookie); default: the variable REHAB_SERVE_TOKEN.
    #[arg(long)]
    pub token: Option<String>,
}

/// Serves the desk until interrupted.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let token = args
        .token
        .clone()
        .or_else(|| std::env::var("REHAB_SERVE_TOKEN").ok());
    let settings = Settings {
        output: args.output.clone(),
        bind: args.bind,
        links: args.links.clone(),
        token,
    };
    match rehab::serve::serve(settings) {
        Ok(()) => Ok(Status::Success),
        Err(e @ (ServeError::NeedsToken(_) | ServeError::Store(_) | ServeError::Links(_))) => {
            Err(InputError(e.to_string()).into())
        }
        Err(e) => Err(e.into()),
    }
}
