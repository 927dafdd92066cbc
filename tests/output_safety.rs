//! Never lose a publisher's files: where `gongkai build` refuses to write, what it removes, and
//! what it says, as a publisher meets it on the command line.

mod common;
use common::*;
use std::path::Path;

/// Builds, expects a refusal with exit code 2 and `message` on stderr, and checks that nothing
/// in `tmp` changed.
fn refused(args: &[&str], root: &Path, tmp: &Path, message: &str) {
    let before = snapshot(tmp);
    let o = run(args, root);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(message), "{args:?}: expected `{message}` in:\n{err}");
    assert!(
        err.contains("nothing was written, the previous output is unchanged"),
        "{err}"
    );
    assert!(snapshot(tmp) == before, "{args:?} changed files");
}

#[test]
fn an_output_inside_the_sources_is_refused() {
    let (tmp, root) = example_copy();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/logo.txt"), "logo").unwrap();
    for out in [
        "content",
        "content/parks",
        "content/parks/daoxian",
        "themes",
        "themes/default/x",
        "static",
    ] {
        let dir = out.split('/').next().unwrap();
        refused(
            &["build", "--output", out],
            &root,
            tmp.path(),
            &format!(
                "the output folder is inside the site's `{dir}/` folder: building there would replace your source files"
            ),
        );
    }
}

#[test]
fn the_site_folder_and_folders_above_it_are_refused() {
    let (tmp, root) = example_copy();
    let site = root.display().to_string();
    refused(
        &["build", "--output", "."],
        &root,
        tmp.path(),
        &format!(
            "the output folder is the site folder itself ({site}): building there would replace your reports and settings"
        ),
    );
    refused(
        &["build", "--output", ".."],
        &root,
        tmp.path(),
        &format!("the output folder contains the site folder ({site})"),
    );
    // The same mistake made in site.toml.
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    assert!(toml.contains("output_dir = \"public\""));
    std::fs::write(
        root.join("site.toml"),
        toml.replace("output_dir = \"public\"", "output_dir = \"../site\""),
    )
    .unwrap();
    refused(
        &["build"],
        &root,
        tmp.path(),
        "the output folder is the site folder itself",
    );
}

#[test]
fn an_output_that_is_a_file_is_refused_and_left_alone() {
    let (tmp, root) = example_copy();
    std::fs::write(root.join("notes.txt"), "my notes").unwrap();
    refused(
        &["build", "--output", "notes.txt"],
        &root,
        tmp.path(),
        "the output folder is a file, not a folder: gongkai will not replace it",
    );
    assert!(!root.join(".notes.txt.old").exists());
    let o = run(&["build"], &root);
    assert!(o.status.success(), "a later build works: {}", stderr(&o));
}

#[test]
fn a_folder_of_someone_elses_files_needs_force_and_is_listed() {
    let (tmp, root) = example_copy();
    let www = tmp.path().join("www");
    std::fs::create_dir_all(www.join("uploads")).unwrap();
    std::fs::write(www.join("portal.html"), "portal").unwrap();
    std::fs::write(www.join("uploads/a.png"), "png").unwrap();
    let out = www.display().to_string();
    refused(
        &["build", "--output", &out],
        &root,
        tmp.path(),
        &format!(
            "{out}: error: the output folder already holds 2 entries that gongkai did not write: portal.html, uploads/\n  help: give --output an empty or new folder; or, if everything in it may be replaced by the site, run again with --force (the entries listed will be removed)"
        ),
    );
    assert_eq!(std::fs::read_to_string(www.join("portal.html")).unwrap(), "portal");

    let o = run(&["build", "--output", &out, "--force"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "--force: {out} holds 2 entries gongkai did not write; they will be removed when the build succeeds: portal.html, uploads/"
        )),
        "{}",
        stderr(&o)
    );
    assert!(!www.join("portal.html").exists() && !www.join("uploads").exists());
    assert!(www.join("index.html").is_file());
    // Now the folder is gongkai's: later builds need no --force, and a file added by hand
    // afterwards is kept.
    std::fs::write(www.join("google123.html"), "verification").unwrap();
    let o = run(&["build", "--output", &out], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(www.join("google123.html")).unwrap(),
        "verification"
    );
}

#[test]
fn a_manifest_naming_files_outside_the_output_deletes_nothing_there() {
    let (tmp, root) = example_copy();
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let manifest = root.join(".public.manifest");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str("0000000000000001 1 1 ../content/parks/daoxian/2023.md\ngone ../site.toml\n");
    std::fs::write(&manifest, text).unwrap();
    let sources = snapshot(&root.join("content"));
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(snapshot(&root.join("content")) == sources);
    assert!(root.join("site.toml").is_file());
    let err = stderr(&o);
    assert!(
        err.contains(
            "warning: ignored a line naming `../content/parks/daoxian/2023.md`, which is not a plain path inside the output folder"
        ),
        "{err}"
    );
    drop(tmp);
}

#[test]
fn two_builds_at_once_both_finish_and_the_site_is_whole() {
    let (tmp, root) = example_copy();
    let reference = tmp.path().join("reference");
    let o = run(&["build", "--output", reference.to_str().unwrap()], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
            // Messages in English, whatever the locale of the machine running the tests.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .arg("build")
            .current_dir(&root)
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for round in 0..3 {
        let first = spawn();
        std::thread::sleep(std::time::Duration::from_millis(300));
        let second = spawn();
        let (a, b) = (first.wait_with_output().unwrap(), second.wait_with_output().unwrap());
        assert!(a.status.success(), "round {round}: {}", stderr(&a));
        assert!(b.status.success(), "round {round}: {}", stderr(&b));
        let (built, want) = (snapshot(&root.join("public")), snapshot(&reference));
        assert_eq!(
            built.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>(),
            "round {round}: files differ"
        );
        assert!(built == want, "round {round}: contents differ");
        std::fs::remove_dir_all(root.join("public")).unwrap();
        std::fs::remove_file(root.join(".public.manifest")).unwrap();
    }
}

#[test]
fn a_symlinked_output_updates_its_target() {
    let (tmp, root) = example_copy();
    let webroot = tmp.path().join("webroot");
    std::fs::create_dir_all(&webroot).unwrap();
    std::os::unix::fs::symlink(&webroot, root.join("public")).unwrap();
    for round in 0..2 {
        let o = run(&["build"], &root);
        assert!(o.status.success(), "round {round}: {}", stderr(&o));
        assert!(
            std::fs::symlink_metadata(root.join("public"))
                .unwrap()
                .file_type()
                .is_symlink(),
            "round {round}: the link is kept"
        );
        assert!(webroot.join("parks/daoxian/2023/index.html").is_file(), "round {round}");
        assert!(!webroot.join(".gongkai-staging").exists());
        let path = root.join("content/parks/daoxian/2023.md");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("\n---\n", "\n---\n\n新增一段。\n", 1)).unwrap();
    }
    let page = std::fs::read_to_string(webroot.join("parks/daoxian/2023/index.html")).unwrap();
    assert!(page.contains("新增一段"), "the second build reached the web root");
}

/// A mount point cannot be renamed; gongkai writes into it instead. The mount is made in a
/// private mount namespace (`unshare -rm`), so the test needs no privileges.
#[test]
fn an_output_that_is_a_mount_point_is_written_into() {
    let (tmp, root) = example_copy();
    let mnt = root.join("public");
    std::fs::create_dir_all(&mnt).unwrap();
    let script = format!(
        "set -e; mount -t tmpfs none '{mnt}'; mkdir '{mnt}/lost+found'
         '{bin}' build >/dev/null
         test -f '{mnt}/parks/daoxian/2023/index.html' && echo first-ok
         '{bin}' build
         test -d '{mnt}/lost+found' && echo lost-found-kept
         test ! -e '{mnt}/.gongkai-staging' && echo no-staging-left",
        mnt = mnt.display(),
        bin = env!("CARGO_BIN_EXE_gongkai"),
    );
    let o = std::process::Command::new("unshare")
        // Messages in English, whatever the locale of the machine running the tests.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["-rm", "sh", "-c", &script])
        .current_dir(&root)
        .output()
        .expect("unshare (util-linux) runs the build in a private mount namespace");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}\n{}", out, stderr(&o));
    assert!(out.contains("first-ok"), "{out}");
    assert!(out.contains("0 written, "), "a rebuild writes nothing: {out}");
    assert!(
        out.contains("lost-found-kept") && out.contains("no-staging-left"),
        "{out}"
    );
    drop(tmp);
}

#[test]
fn a_failed_manifest_write_says_the_output_changed() {
    let (_tmp, root) = example_copy();
    let o = run(&["build"], &root);
    assert!(o.status.success());
    let path = root.join("content/parks/daoxian/2023.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\n---\n", "\n---\n\n新增一段。\n", 1)).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
        // Messages in English, whatever the locale of the machine running the tests.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .arg("build")
        .env("GONGKAI_FAULT_MANIFEST", "1")
        .current_dir(&root)
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("unchanged"), "{err}");
    assert!(
        err.contains("failed: 1 error; the output folder was partly updated: build again to finish it"),
        "{err}"
    );
    // The next build finishes the job from the journal.
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let again = run(&["build"], &root);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("0 written"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}

/// Reported by review: the staging mark was published with the first build, and the same
/// folder named two ways (a link and its target) had two locks and two records.
#[test]
fn one_folder_named_two_ways_is_one_output_and_nothing_of_staging_is_published() {
    let (tmp, root) = example_copy();
    let web = tmp.path().join("web/jxpj");
    let o = run(&["build", "--output", web.to_str().unwrap()], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = std::fs::read_dir(&web)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "hidden files published: {names:?}");
    assert!(tmp.path().join("web/.jxpj.manifest").is_file());
    // The same folder through a link: the same record, so no --force and nothing rewritten.
    std::os::unix::fs::symlink(&web, root.join("public")).unwrap();
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(" 0 written, "),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(!root.join(".public.manifest").exists() && !root.join(".public.lock").exists());
    assert!(!web.join(".gongkai-staging").exists());
}

/// The folder a web server serves, or a folder inside it, holds the site and nothing of
/// gongkai's own (record, lock, staging), at any depth: those sit beside it, outside what is
/// uploaded or served from that folder.
#[test]
fn an_output_in_a_web_root_holds_only_the_site() {
    let (tmp, root) = example_copy();
    for (out, beside) in [
        ("a/www/html", "a/www/.html.manifest"),
        ("b/www/html/xxgk/jxpj", "b/www/html/xxgk/.jxpj.manifest"),
    ] {
        let dir = tmp.path().join(out);
        let o = run(&["build", "--output", dir.to_str().unwrap()], &root);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(tmp.path().join(beside).is_file(), "no record at {beside}");
        let ours: Vec<String> = files(&dir)
            .into_keys()
            .filter(|rel| rel.split('/').any(|seg| seg.starts_with('.')))
            .collect();
        assert!(ours.is_empty(), "{out}: hidden files published: {ours:?}");
        // The rebuild that follows is incremental and leaves nothing either.
        let o = run(&["build", "--output", dir.to_str().unwrap()], &root);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            files(&dir)
                .keys()
                .all(|rel| !rel.contains("/.") && !rel.starts_with('.'))
        );
    }
}
