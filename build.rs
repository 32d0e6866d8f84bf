//! Links the `publik` binary as a position-dependent executable on Linux.
//!
//! A PIE binary of this size spends a quarter of a cron run's few
//! milliseconds in the dynamic loader applying ~40 000 relative relocations
//! (and the page faults they cause); linked at a fixed address, the linker
//! resolves them once (3.0-3.4 ms instead of ~5 ms per run). The cost is
//! ASLR for the executable's own code: set PUBLIK_BUILD_PIE=1 when building
//! to keep a PIE binary. The library and the tests are unaffected either way.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    commit();
    println!("cargo:rerun-if-env-changed=PUBLIK_BUILD_PIE");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let keep_pie = std::env::var_os("PUBLIK_BUILD_PIE").is_some();
    if os == "linux" && env == "gnu" && !keep_pie {
        println!("cargo:rustc-link-arg-bin=publik=-no-pie");
    }
}

/// The commit the binary is built from, for `publik --version`: an operator
/// asks which publik runs, and a version alone names a release, not a build.
/// Outside a git checkout (a source tarball) it is "no commit".
fn commit() {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|out| out.status.success())
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty())
    };
    let commit = git(&["rev-parse", "--short=12", "HEAD"]);
    // Built again when HEAD moves: a commit, a checkout.
    for path in ["HEAD", "packed-refs"] {
        if let Some(file) = git(&["rev-parse", "--git-path", path]) {
            println!("cargo:rerun-if-changed={file}");
        }
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
        && let Some(file) = git(&["rev-parse", "--git-path", &branch])
    {
        println!("cargo:rerun-if-changed={file}");
    }
    let shown = match commit {
        Some(commit) => format!("commit {commit}"),
        None => "no commit".to_string(),
    };
    println!("cargo:rustc-env=PUBLIK_BUILD_COMMIT={shown}");
}
