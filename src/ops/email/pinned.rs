//! A server's own certificate given as `ca_file` (SMTP relay, bounce
//! mailbox). `openssl req -x509` makes it CA:TRUE, and webpki refuses a CA
//! as a server's certificate (`CaUsedAsEndEntity`) even when it is the
//! very one trusted. Like curl, publik trusts that exact certificate as
//! itself: the server presents one of the `ca_file`'s certificates byte for
//! byte, valid now and for the host's name (and the handshake proves it
//! holds its key). Anything else goes the usual webpki way.

use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

/// The certificates of a `ca_file`'s PEM text.
pub(crate) fn certificates(pem: &str) -> Vec<CertificateDer<'static>> {
    CertificateDer::pem_slice_iter(pem.as_bytes())
        .filter_map(Result::ok)
        .collect()
}

/// Whether `end_entity` is one of `pinned`, valid now and for `name`.
/// webpki, with the certificate as its own anchor, checks the dates before
/// whether it is a CA: failing only on the latter, it is otherwise good.
pub(crate) fn check(
    end_entity: &CertificateDer<'_>,
    pinned: &[CertificateDer<'static>],
    name: &ServerName<'_>,
    now: UnixTime,
) -> Result<(), String> {
    if !pinned.iter().any(|p| p.as_ref() == end_entity.as_ref()) {
        return Err("not a certificate of ca_file".into());
    }
    let cert = webpki::EndEntityCert::try_from(end_entity).map_err(|e| format!("{e:?}"))?;
    cert.verify_is_valid_for_subject_name(name)
        .map_err(|e| format!("not valid for {}: {e:?}", name.to_str()))?;
    let anchor = webpki::anchor_from_trusted_cert(end_entity).map_err(|e| format!("{e:?}"))?;
    match cert.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        &[anchor],
        &[],
        now,
        webpki::KeyUsage::server_auth(),
        None,
        None,
    ) {
        Ok(_) | Err(webpki::Error::CaUsedAsEndEntity) => Ok(()),
        Err(e) => Err(format!("{e:?}")),
    }
}

/// The verifier for a `ca_file`'s PEM: the system's roots and the file's
/// certificates as anchors, the file's certificates pinned.
pub(crate) fn verifier(pem: &str) -> Result<PinnedOrWebpki, String> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let pinned = certificates(pem);
    // A certificate webpki cannot take as an anchor is still pinned.
    roots.add_parsable_certificates(pinned.iter().cloned());
    PinnedOrWebpki::new(roots, pinned, Arc::new(rustls::crypto::ring::default_provider()))
}

fn is_ca_used_as_end_entity(error: &rustls::Error) -> bool {
    match error {
        rustls::Error::InvalidCertificate(rustls::CertificateError::Other(other)) => {
            other.0.downcast_ref::<webpki::Error>() == Some(&webpki::Error::CaUsedAsEndEntity)
        }
        _ => false,
    }
}

/// The webpki verifier over `roots`, which also takes a pinned
/// certificate as itself (`check`).
#[derive(Debug)]
pub(crate) struct PinnedOrWebpki {
    webpki: Arc<WebPkiServerVerifier>,
    pinned: Vec<CertificateDer<'static>>,
}

impl PinnedOrWebpki {
    pub(crate) fn new(
        roots: rustls::RootCertStore,
        pinned: Vec<CertificateDer<'static>>,
        provider: Arc<rustls::crypto::CryptoProvider>,
    ) -> Result<PinnedOrWebpki, String> {
        let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(PinnedOrWebpki { webpki, pinned })
    }
}

impl ServerCertVerifier for PinnedOrWebpki {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .webpki
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Ok(verified) => Ok(verified),
            Err(refused) => match check(end_entity, &self.pinned, server_name, now) {
                Ok(()) => Ok(ServerCertVerified::assertion()),
                // webpki's word for a self-signed certificate not pinned
                // would send the operator looking at the wrong thing.
                Err(why) if is_ca_used_as_end_entity(&refused) => Err(rustls::Error::General(format!(
                    "the server's self-signed certificate is refused: {why}"
                ))),
                Err(_) => Err(refused),
            },
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CA:TRUE self-signed certificate for 127.0.0.1, valid in `years`.
    fn ca_cert(years: (i32, i32)) -> CertificateDer<'static> {
        let mut params = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params.not_before = rcgen::date_time_ymd(years.0, 1, 1);
        params.not_after = rcgen::date_time_ymd(years.1, 1, 1);
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().clone()
    }

    #[test]
    fn a_pinned_certificate_is_taken_as_itself_if_its_name_and_dates_hold() {
        let name = ServerName::try_from("127.0.0.1").unwrap();
        let now = UnixTime::now();
        let good = ca_cert((2020, 2090));
        assert_eq!(check(&good, std::slice::from_ref(&good), &name, now), Ok(()));
        let other = ServerName::try_from("relay.example.org").unwrap();
        assert!(check(&good, std::slice::from_ref(&good), &other, now).is_err());
        let expired = ca_cert((2000, 2001));
        let err = check(&expired, std::slice::from_ref(&expired), &name, now).unwrap_err();
        assert!(err.contains("Expired"), "{err}");
        assert!(check(&good, &[ca_cert((2020, 2090))], &name, now).is_err());
    }
}
