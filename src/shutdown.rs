//! A stop asked by SIGTERM (`systemctl stop`, a timer's `TimeoutStopSec`,
//! `kill`) or SIGINT (Ctrl-C): the long runs (sending, harvesting) finish
//! the item in hand, record it, give back what they had not started and
//! exit 0. A second signal ends the process at once, as usual.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use signal_hook::consts::{SIGINT, SIGTERM};

struct Flags {
    asked: Arc<AtomicBool>,
    signal: Arc<AtomicUsize>,
}

static FLAGS: OnceLock<Flags> = OnceLock::new();

/// From now on SIGTERM and SIGINT ask for a stop instead of ending the
/// process. Only for commands that look at `requested()` between items.
pub(crate) fn listen() -> std::io::Result<()> {
    if FLAGS.get().is_some() {
        return Ok(());
    }
    let flags = Flags {
        asked: Arc::new(AtomicBool::new(false)),
        signal: Arc::new(AtomicUsize::new(0)),
    };
    for signal in [SIGTERM, SIGINT] {
        // Registered first, so it sees the flag as the previous signal left it.
        signal_hook::flag::register_conditional_default(signal, flags.asked.clone())?;
        signal_hook::flag::register_usize(signal, flags.signal.clone(), signal as usize)?;
        signal_hook::flag::register(signal, flags.asked.clone())?;
    }
    let _ = FLAGS.set(flags);
    Ok(())
}

/// The signal that asked for a stop, if one did.
pub(crate) fn requested() -> Option<&'static str> {
    let flags = FLAGS.get()?;
    if !flags.asked.load(Ordering::SeqCst) {
        return None;
    }
    Some(match flags.signal.load(Ordering::SeqCst) as i32 {
        SIGINT => "SIGINT",
        _ => "SIGTERM",
    })
}
