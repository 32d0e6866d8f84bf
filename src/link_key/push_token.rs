//! Push tokens: a site's page subscribes a browser to Web Push for the
//! user a token from `publik push token` names, signed with the link key
//! and expiring.

use super::LinkKey;
use hmac::Mac;

impl LinkKey {
    /// A token naming `user` until `expires` (seconds since the epoch), for
    /// a site's page to subscribe that user's browser to Web Push:
    /// `base64url(user).expires.mac`.
    pub(crate) fn push_token(&self, user: &str, expires: i64) -> String {
        self.push_token_raw(&crate::token::base64url(user.as_bytes()), &expires.to_string())
    }

    /// The user a push token names, if its MAC is right and it has not
    /// expired at `now`.
    pub(crate) fn push_user(&self, token: &str, now: i64) -> Option<String> {
        use base64::Engine;
        let mut parts = token.trim().splitn(3, '.');
        let (user, expires) = (parts.next()?, parts.next()?);
        let expires_at: i64 = expires.parse().ok()?;
        if expires_at <= now || self.push_token_raw(user, expires) != token.trim() {
            return None;
        }
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(user)
            .ok()?;
        String::from_utf8(bytes).ok()
    }

    fn push_token_raw(&self, user_b64: &str, expires: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(format!("push {user_b64}.{expires}").as_bytes());
        format!(
            "{user_b64}.{expires}.{}",
            crate::token::base64url(&mac.finalize().into_bytes())
        )
    }
}
