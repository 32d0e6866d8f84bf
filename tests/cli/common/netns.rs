//! Another host for the tests: a network namespace joined to this one by
//! a veth pair, with its own address. A process started in it reaches this
//! side only through the pair; taking this side's end down drops every
//! packet, as a partition does (nothing answers, nothing is refused).

use std::process::Command;

pub struct Host {
    name: String,
    /// This side's end of the pair.
    link: String,
    /// This side's address, as the other host reaches it.
    pub gateway: String,
}

fn ip(args: &[&str]) -> bool {
    Command::new("ip")
        .args(args)
        .output()
        .is_ok_and(|out| out.status.success())
}

impl Host {
    /// A new host numbered `index` (0-3) for this test process; None where
    /// namespaces cannot be made (not root, no CAP_NET_ADMIN, no `ip`).
    pub fn create(index: u32) -> Option<Host> {
        let pid = std::process::id();
        let name = format!("publik-{pid}-{index}");
        let link = format!("pk{}h{index}", pid % 100_000);
        let peer = format!("pk{}n{index}", pid % 100_000);
        let subnet = (pid % 60) * 4 + index;
        let gateway = format!("10.231.{subnet}.1");
        let address = format!("10.231.{subnet}.2");
        let host = Host {
            name: name.clone(),
            link: link.clone(),
            gateway: gateway.clone(),
        };
        let made = ip(&["netns", "add", &name])
            && ip(&["link", "add", &link, "type", "veth", "peer", "name", &peer])
            && ip(&["link", "set", &peer, "netns", &name])
            && ip(&["addr", "add", &format!("{gateway}/30"), "dev", &link])
            && ip(&["link", "set", &link, "up"])
            && ip(&["-n", &name, "addr", "add", &format!("{address}/30"), "dev", &peer])
            && ip(&["-n", &name, "link", "set", &peer, "up"])
            && ip(&["-n", &name, "link", "set", "lo", "up"]);
        made.then_some(host)
    }

    /// `program` run inside the host.
    pub fn command(&self, program: &std::path::Path) -> Command {
        let mut command = Command::new("ip");
        command.args(["netns", "exec", &self.name]).arg(program);
        command
    }

    /// The partition: every packet between the host and this side dropped.
    pub fn cut(&self) {
        assert!(ip(&["link", "set", &self.link, "down"]), "link down");
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        ip(&["link", "del", &self.link]);
        ip(&["netns", "del", &self.name]);
    }
}
