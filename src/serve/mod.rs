//! `rehab serve`: the archivist's desk, a local web application over one run's outputs. It
//! searches persons by any spelling, shows a page per person, and asks about the doubtful pairs
//! of `review.csv`, saving each judgement to the links file at once. It reads the output folder's
//! `rehab.sqlite` and `review.csv` and writes the links file only.

pub mod app;
pub mod auth;
pub mod i18n;
pub mod links;
pub mod pages;
pub mod review;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// How the desk is started.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The run's output folder.
    pub output: PathBuf,
    /// The address to listen on.
    pub bind: SocketAddr,
    /// The links file judgements are appended to, if any.
    pub links: Option<PathBuf>,
    /// The access token, if any.
    pub token: Option<String>,
}

/// Why the desk could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// A non-loopback address without an access token.
    #[error(
        "{0} is reachable from other machines: give an access token (--token or REHAB_SERVE_TOKEN)"
    )]
    NeedsToken(SocketAddr),
    /// The database could not be opened.
    #[error(transparent)]
    Store(#[from] crate::desk::DeskError),
    /// The links file is not usable.
    #[error(transparent)]
    Links(#[from] links::LinksError),
    /// `review.csv` could not be read.
    #[error(transparent)]
    Review(#[from] review::ReviewError),
    /// Listening or serving failed.
    #[error("{address}: {source}")]
    Listen {
        /// The address.
        address: SocketAddr,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Checks the settings, opens the run's outputs and serves until interrupted (Ctrl-C).
pub fn serve(settings: Settings) -> Result<(), ServeError> {
    let desk = Arc::new(open(&settings)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Listen {
            address: settings.bind,
            source,
        })?;
    runtime.block_on(listen(settings.bind, desk))
}

/// The desk's state for the settings, every check done before a port is opened.
pub fn open(settings: &Settings) -> Result<app::Desk, ServeError> {
    let token = settings.token.clone().filter(|t| !t.is_empty());
    if !settings.bind.ip().is_loopback() && token.is_none() {
        return Err(ServeError::NeedsToken(settings.bind));
    }
    let store = store::Store::new(&settings.output)?;
    let pairs = review::load(&settings.output)?;
    let links = match &settings.links {
        Some(path) => Some(links::LinksFile::open(path, &settings.output)?),
        None => None,
    };
    Ok(app::Desk {
        store,
        pairs,
        links,
        guard: auth::Guard::new(token),
        csrf: auth::new_csrf_secret(),
    })
}

async fn listen(address: SocketAddr, desk: Arc<app::Desk>) -> Result<(), ServeError> {
    let fail = |source| ServeError::Listen { address, source };
    let listener = tokio::net::TcpListener::bind(address).await.map_err(fail)?;
    let bound = listener.local_addr().map_err(fail)?;
    tracing::info!(
        "the desk is at http://{bound}/ ({} pairs to review{})",
        desk.pairs.len(),
        desk.links
            .as_ref()
            .map(|l| format!(", judgements to {}", l.path().display()))
            .unwrap_or_default()
    );
    axum::serve(listener, app::router(desk))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(fail)
}
