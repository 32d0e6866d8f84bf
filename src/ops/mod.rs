//! The domain: everything publik does, without printing. Commands call these
//! functions and render what they return.

pub mod check;
pub mod email;
pub(crate) mod http_client;
pub mod ics;
pub mod init;
pub mod inspect;
pub mod maarch;
pub mod newsletter;
pub mod push;
pub mod queue;
pub mod sms;
pub mod state;
pub mod template;
pub mod workflow;

use std::path::Path;

use crate::config::Config;
use crate::store::Channel;
use queue::{Sender, Senders};

/// The real senders of every channel, created on first use.
pub struct ChannelSenders<'a> {
    config: &'a Config,
    state: &'a Path,
    email: Option<email::EmailSender>,
    sms: Option<sms::SmsSender>,
    maarch: Option<maarch::MaarchSender>,
    push: Option<push::PushSender>,
}

impl<'a> ChannelSenders<'a> {
    pub fn new(config: &'a Config, state: &'a Path) -> Self {
        ChannelSenders {
            config,
            state,
            email: None,
            sms: None,
            maarch: None,
            push: None,
        }
    }
}

/// The sender in `slot`, created by `make` on first use.
fn lazily<'s, S: Sender + 's>(
    slot: &'s mut Option<S>,
    make: impl FnOnce() -> anyhow::Result<S>,
) -> anyhow::Result<&'s mut dyn Sender> {
    match slot {
        Some(sender) => Ok(sender),
        None => Ok(slot.insert(make()?)),
    }
}

impl Senders for ChannelSenders<'_> {
    fn sender(&mut self, channel: Channel) -> anyhow::Result<&mut dyn Sender> {
        let (config, state) = (self.config, self.state);
        match channel {
            Channel::Email => lazily(&mut self.email, || email::EmailSender::new(config, state)),
            Channel::Sms => lazily(&mut self.sms, || sms::SmsSender::new(config)),
            Channel::Maarch => lazily(&mut self.maarch, || maarch::MaarchSender::new(config)),
            Channel::Push => lazily(&mut self.push, || push::PushSender::new(config)),
        }
    }
}

/// The name the history records for this process, e.g. `send-queue[4242]`.
pub fn actor(command: &str) -> String {
    format!("{command}[{}]", std::process::id())
}
