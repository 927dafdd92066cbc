//! `gongkai serve`: serves the site under its sub-path, rebuilds after an edit, keeps the last
//! good site when an edit breaks it, and tells the page.

mod common;
use common::copy_example;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = text.split_once("\r\n\r\n").map(|x| x.1.to_string()).unwrap_or_default();
    (status, body)
}

/// Polls until `ok` holds or 10 s pass; returns how long it took.
fn until(mut ok: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out");
        std::thread::sleep(Duration::from_millis(50));
    }
    start.elapsed()
}

#[test]
fn serve_rebuilds_after_an_edit_and_survives_a_broken_one() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["serve", "--port", "0", "--root"])
        .arg(tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("serving http://") {
            break rest.split_whitespace().next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let port: u16 = url.split(['/', ':']).nth(1).unwrap().parse().unwrap();
    assert!(url.ends_with("/xxgk/jxpj/"), "served under the base path: {url}");

    let page = "/xxgk/jxpj/parks/lengshuitan/2021/";
    let (status, body) = get(port, page);
    assert_eq!(status, 200);
    assert!(body.contains("1,545.30") && body.contains("__gongkai/live.js"));
    assert_eq!(get(port, "/xxgk/jxpj/no/such/page/").0, 404);

    // Edit a figure: the page shows it within a few seconds.
    let report = tmp.path().join("content/parks/lengshuitan/2021.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replace("total: 1545.30", "total: 1545.31")).unwrap();
    let took = until(|| get(port, page).1.contains("1,545.31"));
    println!("serve: the edited page was served after {took:?}");
    assert!(took < Duration::from_secs(5), "rebuilt page after {took:?}");

    // Break the file: the last good page stays, and the status carries the error for the overlay.
    std::fs::write(&report, text.replace("total: 1545.30", "total: abc")).unwrap();
    until(|| get(port, "/xxgk/jxpj/__gongkai/status").1.contains("is not a number"));
    assert!(get(port, page).1.contains("1,545.31"), "last good site still served");
    let live = get(port, "/xxgk/jxpj/__gongkai/live.js").1;
    assert!(live.contains("gongkai-overlay") && live.contains("location.reload"));

    // Fix it again: the error clears.
    std::fs::write(&report, &text).unwrap();
    until(|| get(port, "/xxgk/jxpj/__gongkai/status").1.contains("\"error\":null"));
    assert!(get(port, page).1.contains("1,545.30"));
    drop(server);
}
