//! The desk under test: the real `rehab serve` on a free port, Debian's `chromedriver` on
//! another, and a WebDriver session in headless Chromium; both processes are killed when dropped.

use fantoccini::{Client, ClientBuilder};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Chromium flags every session uses.
const CHROMIUM_FLAGS: [&str; 6] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--window-size=1280,900",
];

/// A child process killed and reaped when dropped.
pub struct Process {
    child: Child,
    /// What it is, for messages.
    pub name: &'static str,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on now.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// Waits until something accepts connections on the port, or fails naming the process.
fn wait_for_port(port: u16, process: &mut Process) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = process.child.try_wait() {
            let mut err = String::new();
            if let Some(stderr) = process.child.stderr.as_mut() {
                let _ = stderr.read_to_string(&mut err);
            }
            panic!(
                "{} exited with {status} before listening: {err}",
                process.name
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{} did not listen on port {port} within 30 s", process.name);
}

/// Starts `rehab serve` with the arguments on `--bind ADDRESS:port`; returns it once it listens.
pub fn start_desk(output: &Path, host: &str, port: u16, extra: &[&str]) -> Process {
    let bind = format!("{host}:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_rehab"))
        .arg("serve")
        .arg("--output")
        .arg(output)
        .args(["--bind", &bind])
        .args(extra)
        .env_remove("REHAB_SERVE_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rehab serve");
    let mut desk = Process {
        child,
        name: "rehab serve",
    };
    wait_for_port(port, &mut desk);
    desk
}

/// A WebDriver session in headless Chromium, with the chromedriver serving it.
pub struct Browser {
    /// The session.
    pub client: Client,
    _driver: Process,
}

/// Finds a program on `PATH`.
fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium session through it.
    /// Fails, never skips, when Chromium or chromedriver is missing.
    pub async fn start() -> Browser {
        let missing = "install Debian's chromium and chromium-driver \
                       (apt-get install -y chromium chromium-driver; .ci/run does)";
        let driver_bin = which("chromedriver")
            .unwrap_or_else(|| panic!("chromedriver is not on PATH: {missing}"));
        let chromium =
            which("chromium").unwrap_or_else(|| panic!("chromium is not on PATH: {missing}"));
        let port = free_port();
        let child = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let mut driver = Process {
            child,
            name: "chromedriver",
        };
        wait_for_port(port, &mut driver);
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({ "binary": chromium, "args": CHROMIUM_FLAGS }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("open a Chromium session through chromedriver");
        Browser {
            client,
            _driver: driver,
        }
    }

    /// Ends the session (the driver is killed when the browser is dropped).
    pub async fn close(self) {
        self.client
            .clone()
            .close()
            .await
            .expect("close the session");
    }
}

/// Runs an async test body on its own runtime, one browser test at a time (each starts a
/// Chromium, and the machine has few cores).
pub fn browser_test<F: std::future::Future<Output = ()>>(body: F) {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(body);
}

/// A raw HTTP/1.1 request to the desk; returns the status code and the whole response text.
pub fn http(port: u16, request_head: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to the desk");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let text = format!(
        "{request_head}\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(text.as_bytes()).expect("send the request");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .expect("read the response");
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {response:?}"));
    (status, response)
}
