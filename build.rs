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
    println!("cargo:rerun-if-env-changed=PUBLIK_BUILD_PIE");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let keep_pie = std::env::var_os("PUBLIK_BUILD_PIE").is_some();
    if os == "linux" && env == "gnu" && !keep_pie {
        println!("cargo:rustc-link-arg-bin=publik=-no-pie");
    }
}
