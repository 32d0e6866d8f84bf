//! The domain: everything publik does, without printing. Commands call these
//! functions and render what they return.

pub(crate) mod check;
pub(crate) mod email;
pub(crate) mod http_client;
pub(crate) mod ics;
pub(crate) mod init;
pub(crate) mod inspect;
pub(crate) mod maarch;
pub(crate) mod newsletter;
pub(crate) mod push;
pub(crate) mod queue;
pub(crate) mod sms;
pub(crate) mod state;
pub(crate) mod template;
pub(crate) mod workflow;

use std::path::Path;

use crate::config::Config;
use crate::queue_words::Channel;
use queue::{Sender, Senders};

/// The real senders of every channel, created on first use.
pub(crate) struct ChannelSenders<'a> {
    config: &'a Config,
    state: &'a Path,
    email: Option<email::EmailSender>,
    sms: Option<sms::SmsSender>,
    maarch: Option<maarch::MaarchSender>,
    push: Option<push::PushSender>,
}

impl<'a> ChannelSenders<'a> {
    pub(crate) fn new(config: &'a Config, state: &'a Path) -> Self {
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
pub(crate) fn actor(command: &str) -> String {
    format!("{command}[{}]", std::process::id())
}
