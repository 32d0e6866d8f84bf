//! The site a thread works for (`--all-tenants` runs sites on several
//! threads): logs are prefixed with it and JSON records carry it.

use std::cell::RefCell;

thread_local! {
    static TENANT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The tenant this thread works for, if any.
pub(crate) fn tenant() -> Option<String> {
    TENANT.with(|t| t.borrow().clone())
}

/// Runs `work` on behalf of `domain`.
pub(crate) fn for_tenant<R>(domain: &str, work: impl FnOnce() -> R) -> R {
    TENANT.with(|t| *t.borrow_mut() = Some(domain.to_string()));
    let result = work();
    TENANT.with(|t| *t.borrow_mut() = None);
    result
}
