//! Who is who on this host, for what publik says about files (their owner
//! and group) and decides (`ops/tenant/trust.rs`: whose files it believes).
//! Read from /etc/passwd and /etc/group, where systemd-sysusers and adduser
//! put system users, once per process.

use std::sync::OnceLock;

/// This process's effective uid.
pub(crate) fn effective_uid() -> u32 {
    rustix::process::geteuid().as_raw()
}

pub(crate) fn user_id(name: &str) -> Option<u32> {
    users().iter().find(|(n, _)| n == name).map(|(_, uid)| *uid)
}

pub(crate) fn user_name(uid: u32) -> Option<String> {
    users().iter().find(|(_, u)| *u == uid).map(|(n, _)| n.clone())
}

pub(crate) fn group_name(gid: u32) -> Option<String> {
    groups().iter().find(|(_, g)| *g == gid).map(|(n, _)| n.clone())
}

fn users() -> &'static [(String, u32)] {
    static USERS: OnceLock<Vec<(String, u32)>> = OnceLock::new();
    USERS.get_or_init(|| names_and_ids("/etc/passwd"))
}

fn groups() -> &'static [(String, u32)] {
    static GROUPS: OnceLock<Vec<(String, u32)>> = OnceLock::new();
    GROUPS.get_or_init(|| names_and_ids("/etc/group"))
}

/// Each line's first field and third (the id), for `passwd` and `group`.
fn names_and_ids(file: &str) -> Vec<(String, u32)> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let id = fields.nth(1)?.parse().ok()?;
            Some((name.to_string(), id))
        })
        .collect()
}
