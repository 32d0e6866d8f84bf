//! One write per request: ureq transmits a request's head and its body
//! separately, two TCP segments where one does (each segment costs the
//! peer a wake-up and us a trip through the network stack: a tenth of a
//! push notification's CPU on loopback). The head is held back and leaves
//! with the body, or before anything is read.

use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, NextTimeout, Transport};

/// Wraps the transport every other connector made (TCP or TLS).
#[derive(Debug)]
pub(super) struct Corking;

impl Connector<Box<dyn Transport>> for Corking {
    type Out = Corked;

    fn connect(
        &self,
        _details: &ConnectionDetails,
        chained: Option<Box<dyn Transport>>,
    ) -> Result<Option<Corked>, ureq::Error> {
        Ok(chained.map(|inner| Corked { inner, held: 0 }))
    }
}

/// A transport that holds back one transmission: the next one (or the
/// first wait for input) sends both in one write. While something is
/// held, ureq is writing the request and only asks for output buffers;
/// every wait for input flushes first.
#[derive(Debug)]
pub(super) struct Corked {
    inner: Box<dyn Transport>,
    /// Bytes at the start of the output buffer not transmitted yet.
    held: usize,
}

impl Corked {
    fn flush(&mut self, timeout: NextTimeout) -> Result<(), ureq::Error> {
        if self.held > 0 {
            let amount = std::mem::take(&mut self.held);
            self.inner.transmit_output(amount, timeout)?;
        }
        Ok(())
    }
}

impl Transport for Corked {
    fn buffers(&mut self) -> &mut dyn Buffers {
        if self.held == 0 {
            return self.inner.buffers();
        }
        self
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        let room = self.inner.buffers().output().len();
        // Hold only a first, small transmission (a head), so that what
        // follows still has most of the buffer to be written into.
        if self.held == 0 && amount <= room / 2 {
            self.held = amount;
            return Ok(());
        }
        self.held += amount;
        self.flush(timeout)
    }

    fn maybe_await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.flush(timeout)?;
        self.inner.maybe_await_input(timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.flush(timeout)?;
        self.inner.await_input(timeout)
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}

/// The inner buffers while something is held: the output after it. Input
/// is never looked at then (a wait for input flushes first).
impl Buffers for Corked {
    fn output(&mut self) -> &mut [u8] {
        let held = self.held;
        &mut self.inner.buffers().output()[held..]
    }

    fn input(&self) -> &[u8] {
        &[]
    }

    fn input_append_buf(&mut self) -> &mut [u8] {
        self.inner.buffers().input_append_buf()
    }

    fn input_appended(&mut self, amount: usize) {
        self.inner.buffers().input_appended(amount)
    }

    fn input_consume(&mut self, amount: usize) {
        self.inner.buffers().input_consume(amount)
    }

    fn tmp_and_output(&mut self) -> (&mut [u8], &mut [u8]) {
        let held = self.held;
        let (tmp, output) = self.inner.buffers().tmp_and_output();
        (tmp, &mut output[held..])
    }

    fn can_use_input(&self) -> bool {
        false
    }
}
