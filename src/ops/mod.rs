//! The domain: everything publik does, without printing. Commands call these
//! functions and render what they return.

pub mod check;
pub mod email;
pub mod ics;
pub mod init;
pub mod inspect;
pub mod maarch;
pub mod newsletter;
pub mod push;
pub mod queue;
pub mod serve;
pub mod sms;
pub mod state;
pub mod template;
pub mod workflow;

use crate::config::Config;
use crate::store::Channel;
use queue::{Sender, Senders};

/// The real senders of every channel, created on first use.
pub struct ChannelSenders<'a> {
    config: &'a Config,
    email: Option<email::EmailSender>,
    sms: Option<sms::SmsSender>,
    maarch: Option<maarch::MaarchSender>,
    push: Option<push::PushSender>,
}

impl<'a> ChannelSenders<'a> {
    pub fn new(config: &'a Config) -> Self {
        ChannelSenders {
            config,
            email: None,
            sms: None,
            maarch: None,
            push: None,
        }
    }
}

impl Senders for ChannelSenders<'_> {
    fn sender(&mut self, channel: Channel) -> anyhow::Result<&mut dyn Sender> {
        match channel {
            Channel::Email => {
                if self.email.is_none() {
                    self.email = Some(email::EmailSender::new(self.config)?);
                }
                match self.email.as_mut() {
                    Some(sender) => Ok(sender),
                    None => anyhow::bail!("email sender unavailable"),
                }
            }
            Channel::Sms => {
                if self.sms.is_none() {
                    self.sms = Some(sms::SmsSender::new(self.config)?);
                }
                match self.sms.as_mut() {
                    Some(sender) => Ok(sender),
                    None => anyhow::bail!("SMS sender unavailable"),
                }
            }
            Channel::Maarch => {
                if self.maarch.is_none() {
                    self.maarch = Some(maarch::MaarchSender::new(self.config)?);
                }
                match self.maarch.as_mut() {
                    Some(sender) => Ok(sender),
                    None => anyhow::bail!("Maarch sender unavailable"),
                }
            }
            Channel::Push => {
                if self.push.is_none() {
                    self.push = Some(push::PushSender::new(self.config)?);
                }
                match self.push.as_mut() {
                    Some(sender) => Ok(sender),
                    None => anyhow::bail!("push sender unavailable"),
                }
            }
        }
    }
}

/// The name the history records for this process, e.g. `send-queue[4242]`.
pub fn actor(command: &str) -> String {
    format!("{command}[{}]", std::process::id())
}
