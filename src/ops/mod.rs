//! The domain: everything publik does, without printing. Commands call these
//! functions and render what they return.

pub(crate) mod channel;
pub(crate) mod config_check;
pub(crate) mod email;
pub(crate) mod http_client;
pub(crate) mod ics;
pub(crate) mod init;
pub(crate) mod inspect;
pub(crate) mod maarch;
pub(crate) mod newsletter;
pub(crate) mod push;
pub(crate) mod queue;
pub(crate) mod queue_admin;
pub(crate) mod sms;
pub(crate) mod state;
pub(crate) mod template;
pub(crate) mod tenant;
pub(crate) mod workflow;

use std::collections::HashMap;
use std::path::Path;

use crate::config::Config;
use crate::queue_row::Channel;
use queue::{Lanes, Senders};

/// The real senders of every channel, created on first use.
pub(crate) struct ChannelSenders<'a> {
    config: &'a Config,
    /// The site's link key: queued links are made at send time.
    link_key: &'a Path,
    lanes: HashMap<Channel, Lanes>,
}

impl<'a> ChannelSenders<'a> {
    pub(crate) fn new(config: &'a Config, link_key: &'a Path) -> Self {
        ChannelSenders {
            config,
            link_key,
            lanes: HashMap::new(),
        }
    }

    fn make(&self, channel: Channel) -> anyhow::Result<Lanes> {
        let (config, link_key) = (self.config, self.link_key);
        Ok(match channel {
            Channel::Email => email::lanes(config, link_key)?,
            Channel::Sms => sms::lanes(config, link_key)?,
            Channel::Maarch => vec![Box::new(maarch::MaarchSender::new(config)?)],
            Channel::Push => push::lanes(config)?,
        })
    }
}

impl Senders for ChannelSenders<'_> {
    fn rate(&self, channel: Channel) -> Option<crate::config::Rate> {
        match channel {
            Channel::Sms => self.config.sms.rate,
            _ => None,
        }
    }

    fn lanes(&mut self, channel: Channel) -> anyhow::Result<&mut Lanes> {
        if !self.lanes.contains_key(&channel) {
            let lanes = self.make(channel)?;
            self.lanes.insert(channel, lanes);
        }
        self.lanes
            .get_mut(&channel)
            .ok_or_else(|| anyhow::anyhow!("{channel}: no sender"))
    }
}

/// The name the history records for this process, e.g. `send-queue[4242]`.
pub(crate) fn actor(command: &str) -> String {
    format!("{command}[{}]", std::process::id())
}
