//! Web Push: subscriptions and the VAPID key.

use super::{Output, json, local, out, table};
use serde::Serialize;

pub(crate) fn subscriptions(
    subscriptions: &[crate::store::Subscription],
    output: Output,
) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(subscriptions);
    }
    if subscriptions.is_empty() {
        return Ok(());
    }
    let rows = subscriptions
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                s.user.clone(),
                s.endpoint.clone(),
                local(Some(s.created_at)),
            ]
        })
        .collect();
    Ok(out(&table(&["id", "user", "endpoint", "since"], rows))?)
}

/// A VAPID public key: the key alone, or `{"public_key": …}`.
pub(crate) fn public_key(public_key: &str, output: Output) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct PublicKey<'a> {
        public_key: &'a str,
    }
    match output {
        Output::Json => json(&PublicKey { public_key }),
        Output::Text => Ok(out(public_key)?),
    }
}
