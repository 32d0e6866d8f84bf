//! Newsletters: subscriber groups (added by hand or imported from CSV),
//! templates, and `newsletter send`, which queues one email row per active
//! member in one transaction, each with its own unsubscribe token.

use std::path::Path;

use std::io::{BufRead, Read};

use anyhow::Context;
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::address::parse_mailbox;
use crate::clock;
use crate::config::Config;
use crate::exit_codes::{bad_field, bad_input};
use crate::link_key::LinkKey;
use crate::ops::email::{EmailContent, NewsletterPart};
use crate::ops::template;
use crate::progress::Progress;
use crate::queue_row::Channel;
use crate::store::{Group, Member, MemberRow, MemberStatus, NewMember, NewRow, Store, Template};
use crate::token;

fn group(store: &Store, slug: &str) -> anyhow::Result<Group> {
    store
        .group(slug)?
        .ok_or_else(|| bad_input(format!("no group \"{slug}\" (see `publik group list`)")))
}

pub(crate) fn create_group(store: &mut Store, slug: &str, label: &str) -> anyhow::Result<()> {
    let valid = !slug.is_empty()
        && slug.len() <= 64
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !valid {
        return Err(bad_input(format!(
            "slug \"{slug}\": use lowercase letters, digits, - and _"
        )));
    }
    if label.trim().is_empty() {
        return Err(bad_field("label", "must not be empty"));
    }
    if !store.create_group(slug, label)? {
        return Err(bad_input(format!("group \"{slug}\" already exists")));
    }
    Ok(())
}

pub(crate) fn list_groups(store: &Store) -> anyhow::Result<Vec<Group>> {
    Ok(store.groups()?)
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct AddReport {
    pub added: usize,
    /// Already members (active or unsubscribed): left as they were.
    pub already: usize,
    /// `import --skip-invalid`: the lines that were skipped (the first
    /// hundred; `invalid_count` counts them all).
    pub invalid: Vec<InvalidLine>,
    pub invalid_count: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct InvalidLine {
    pub line: u64,
    pub value: String,
    pub error: String,
}

fn normalize_email(text: &str) -> Result<String, String> {
    let mailbox = parse_mailbox(text)?;
    Ok(mailbox.email.to_string())
}

pub(crate) fn add_members(store: &mut Store, slug: &str, addresses: &[String]) -> anyhow::Result<AddReport> {
    let group = group(store, slug)?;
    let members = addresses
        .iter()
        .map(|a| {
            normalize_email(a)
                .map(|email| NewMember {
                    email,
                    attributes: "{}".into(),
                })
                .map_err(|e| bad_input(format!("{e}; nothing was added")))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let added = store.add_members(group.id, &members)?;
    Ok(AddReport {
        added,
        already: members.len() - added,
        invalid: Vec::new(),
        invalid_count: 0,
    })
}

/// The members of a CSV with a header row naming an `email` column (other
/// columns become attributes), or of a plain list, one address a line.
fn parse_members(
    mut reader: impl BufRead,
    mut each: impl FnMut(Result<NewMember, InvalidLine>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let not_text = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::InvalidData => bad_field("file", "is not UTF-8 text"),
        _ => anyhow::Error::new(e).context("cannot read the members file"),
    };
    let mut first = String::new();
    reader.read_line(&mut first).map_err(not_text)?;
    let first = first
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(first);
    let head = first.trim_end_matches(['\r', '\n']);
    let delimiter = if head.matches(';').count() > head.matches(',').count() {
        b';'
    } else {
        b','
    };
    let header_has_email = head
        .split(delimiter as char)
        .any(|f| f.trim().trim_matches('"').eq_ignore_ascii_case("email"));
    // The first line, read to look at it, goes back in front of the rest.
    let whole = std::io::Cursor::new(first.clone().into_bytes()).chain(reader);
    if header_has_email {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(false)
            .trim(csv::Trim::All)
            .from_reader(whole);
        let headers: Vec<String> = reader.headers()?.iter().map(|h| h.to_string()).collect();
        let email_col = headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case("email"))
            .unwrap_or(0);
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) if e.is_io_error() => {
                    return Err(anyhow::Error::new(e).context("cannot read the members file"));
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    each(Err(InvalidLine {
                        line,
                        value: String::new(),
                        error: e.to_string(),
                    }))?;
                    continue;
                }
            }
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            let value = record.get(email_col).unwrap_or_default().to_string();
            match normalize_email(&value) {
                Ok(email) => {
                    let attributes: Map<String, Value> = headers
                        .iter()
                        .zip(record.iter())
                        .filter(|(h, _)| !h.eq_ignore_ascii_case("email") && !h.is_empty())
                        .map(|(h, v)| (h.clone(), Value::String(v.to_string())))
                        .collect();
                    each(Ok(NewMember {
                        email,
                        attributes: Value::Object(attributes).to_string(),
                    }))?;
                }
                Err(error) => each(Err(InvalidLine { line, value, error }))?,
            }
        }
    } else {
        for (index, line) in whole.lines().enumerate() {
            let line = line.map_err(not_text)?;
            let value = line.trim();
            if value.is_empty() || value.starts_with('#') {
                continue;
            }
            match normalize_email(value) {
                Ok(email) => each(Ok(NewMember {
                    email,
                    attributes: "{}".into(),
                }))?,
                Err(error) => each(Err(InvalidLine {
                    line: index as u64 + 1,
                    value: value.into(),
                    error,
                }))?,
            }
        }
    }
    Ok(())
}

/// Bad lines listed in a report; the others are counted.
const INVALID_LISTED: usize = 100;

/// Imports a members export (`file`, see `parse_members`), read as it
/// goes, in one transaction: a bad line imports nothing unless
/// `skip_invalid`.
pub(crate) fn import(
    store: &mut Store,
    slug: &str,
    file: impl BufRead,
    skip_invalid: bool,
    progress: &dyn Progress,
) -> anyhow::Result<AddReport> {
    let group = group(store, slug)?;
    let mut report = AddReport::default();
    let kept = store.add_members_from(group.id, |add| {
        parse_members(file, |parsed| {
            match parsed {
                Ok(member) => {
                    if add(&member)? {
                        report.added += 1;
                    } else {
                        report.already += 1;
                    }
                    progress.advance(1);
                }
                Err(line) => {
                    report.invalid_count += 1;
                    if report.invalid.len() < INVALID_LISTED {
                        report.invalid.push(line);
                    }
                }
            }
            Ok(())
        })?;
        Ok::<_, anyhow::Error>(report.invalid_count == 0 || skip_invalid)
    })?;
    if !kept {
        let mut lines: Vec<String> = report
            .invalid
            .iter()
            .map(|i| format!("line {}: {}", i.line, i.error))
            .collect();
        if report.invalid_count > report.invalid.len() {
            lines.push(format!(
                "and {} more",
                report.invalid_count - report.invalid.len()
            ));
        }
        return Err(bad_field(
            "file",
            format!(
                "{} bad line(s), nothing imported (use `skip_invalid` to import the others): {}",
                report.invalid_count,
                lines.join("; ")
            ),
        ));
    }
    Ok(report)
}

pub(crate) fn remove_members(store: &mut Store, slug: &str, addresses: &[String]) -> anyhow::Result<usize> {
    let group = group(store, slug)?;
    let emails = addresses
        .iter()
        .map(|a| normalize_email(a).map_err(bad_input))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(store.remove_members(group.id, &emails)?)
}

pub(crate) fn members(
    store: &Store,
    slug: &str,
    status: Option<MemberStatus>,
) -> anyhow::Result<Vec<Member>> {
    let group = group(store, slug)?;
    Ok(store.members(group.id, status)?)
}

#[derive(Debug, Serialize)]
pub(crate) struct Unsubscribed {
    pub group: String,
    pub email: String,
    /// False when the member had already unsubscribed.
    pub changed: bool,
}

pub(crate) fn unsubscribe(store: &mut Store, token_text: &str) -> anyhow::Result<Unsubscribed> {
    let invalid = || bad_field("token", "this unsubscribe link is not valid");
    let id = token::id_of(token_text).ok_or_else(invalid)?;
    let (group, email, changed) = store
        .unsubscribe(id, &token::hash(token_text))?
        .ok_or_else(invalid)?;
    Ok(Unsubscribed {
        group,
        email,
        changed,
    })
}

/// What the unsubscribe page shows before anyone confirms.
#[derive(Debug, Serialize)]
pub(crate) struct UnsubscribeTarget {
    pub group_label: String,
    pub email: String,
    pub already: bool,
}

/// Looks a token up without changing anything (GET and HEAD).
pub(crate) fn unsubscribe_target(
    store: &Store,
    token_text: &str,
) -> anyhow::Result<Option<UnsubscribeTarget>> {
    let Some(id) = token::id_of(token_text) else {
        return Ok(None);
    };
    Ok(store
        .unsubscribe_target(id, &token::hash(token_text))?
        .map(|(group_label, email, already)| UnsubscribeTarget {
            group_label,
            email,
            already,
        }))
}

fn check_name(name: &str) -> anyhow::Result<()> {
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    if valid {
        Ok(())
    } else {
        Err(bad_input(format!(
            "template name \"{name}\": use letters, digits, - _ ."
        )))
    }
}

pub(crate) fn add_template(
    store: &mut Store,
    name: &str,
    subject: &str,
    text: &str,
    html: Option<&str>,
) -> anyhow::Result<bool> {
    check_name(name)?;
    template::check(subject, text, html)?;
    Ok(store.save_template(name, subject, text, html)?)
}

pub(crate) fn template(store: &Store, name: &str) -> anyhow::Result<Template> {
    store
        .template(name)?
        .ok_or_else(|| bad_input(format!("no template \"{name}\" (see `publik template list`)")))
}

/// `var` pairs (`KEY=VALUE`) as a JSON object.
pub(crate) fn parse_vars(pairs: &[String]) -> anyhow::Result<Map<String, Value>> {
    let mut vars = Map::new();
    for pair in pairs {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| bad_field("var", format!("\"{pair}\" is not KEY=VALUE")))?;
        let reserved = ["recipient", "group", "unsubscribe_url"];
        if key.is_empty() || reserved.contains(&key) {
            return Err(bad_field("var", format!("\"{key}\" is not a usable name")));
        }
        vars.insert(key.to_string(), Value::String(value.to_string()));
    }
    Ok(vars)
}

pub(crate) fn render_preview(
    store: &Store,
    name: &str,
    to: &str,
    vars: &[String],
) -> anyhow::Result<template::Rendered> {
    let template = template(store, name)?;
    let email = normalize_email(to).map_err(|e| bad_field("to", e))?;
    let mut context = template::sample_context(&email);
    if let Some(object) = context.as_object_mut() {
        object.extend(parse_vars(vars)?);
    }
    let templates = template::Templates::new(&template.subject, &template.text, template.html.as_deref())
        .map_err(|e| bad_input(format!("template {name}: {e}")))?;
    templates
        .render(&context)
        .map_err(|e| bad_input(format!("template {name}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_vars_are_json_with_the_address_last() {
        let vars: Value =
            serde_json::from_str(&row_vars("a@example.org", r#"{"name":"Zoé \"Z\""}"#, "TOK")).unwrap();
        assert_eq!(vars["recipient"]["email"], "a@example.org");
        assert_eq!(vars["recipient"]["name"], "Zoé \"Z\"");
        assert_eq!(vars["unsubscribe_link"], "TOK");
        let vars: Value = serde_json::from_str(&row_vars("b@example.org", "{}", "T")).unwrap();
        assert_eq!(vars["recipient"], json!({"email": "b@example.org"}));
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct SendReport {
    pub queued: usize,
    pub group: String,
    pub template: String,
}

/// `{"recipient":{"email":…,<attributes>},"unsubscribe_link":…}` built as
/// text: a newsletter to 100 000 members must not build 100 000 maps. The
/// link is a placeholder (see `link_key`): the state never holds the token.
fn row_vars(email: &str, attributes: &str, link: &str) -> String {
    let email = Value::String(email.to_string()).to_string();
    let inner = attributes
        .trim()
        .strip_prefix('{')
        .and_then(|a| a.strip_suffix('}'))
        .unwrap_or("")
        .trim();
    // An attribute named "email" must not override the address.
    let recipient = if inner.is_empty() || attributes.contains("\"email\"") {
        format!("{{\"email\":{email}}}")
    } else {
        format!("{{{inner},\"email\":{email}}}")
    };
    format!("{{\"recipient\":{recipient},\"unsubscribe_link\":\"{link}\"}}")
}

/// What `newsletter send` was asked: the template, the group, extra
/// variables (`k=v`) and when to send.
pub(crate) struct SendRequest<'a> {
    pub template: &'a str,
    pub group: &'a str,
    pub vars: &'a [String],
    pub not_before: Option<&'a str>,
}

pub(crate) fn send(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    request: &SendRequest,
    actor: &str,
    progress: &dyn Progress,
) -> anyhow::Result<SendReport> {
    let SendRequest {
        template: template_name,
        group: slug,
        vars,
        not_before,
    } = *request;
    let template = template(store, template_name)?;
    let group = group(store, slug)?;
    let vars = parse_vars(vars)?;
    let not_before = not_before
        .map(|t| clock::parse_time("not_before", t))
        .transpose()?;
    let from = parse_mailbox(&config.email.from).map_err(|e| bad_input(format!("email.from: {e}")))?;
    let mut context = vars;
    context.insert("group".into(), json!({"slug": group.slug, "label": group.label}));
    let content = EmailContent {
        from: from.to_string(),
        reply_to: config.email.reply_to.clone(),
        to: Vec::new(),
        cc: Vec::new(),
        subject: template.subject,
        text: template.text,
        html: template.html,
        headers: Vec::new(),
        nonce: token::base64url(&token::generate()?.1[..8]),
        invitation: None,
        action_links: Vec::new(),
        newsletter: Some(NewsletterPart {
            template: template_name.to_string(),
            context: Value::Object(context),
        }),
    };
    let key = LinkKey::load_or_create(link_key)?;
    let tag = format!("newsletter:{slug}");
    // Low priority: transactional mail goes first. Each row's variables
    // (recipient, unsubscribe link) are made in `issue`, as the store reads
    // the members.
    let options = crate::ops::queue::RowOptions {
        priority: -1,
        tag: Some(tag),
        not_before,
        expires_at: None,
    };
    // Randomness for the links' nonces, a block at a time: one system call
    // per 256 members, not one each.
    let mut random = vec![0u8; 16 * 256];
    let mut used = random.len();
    let issue = |member: &MemberRow, token_id: i64| -> anyhow::Result<(NewRow, [u8; 32])> {
        if used == random.len() {
            getrandom::fill(&mut random).map_err(|e| anyhow::anyhow!("OS random source failed: {e}"))?;
            used = 0;
        }
        let mut nonce = [0u8; 16];
        nonce.copy_from_slice(&random[used..used + 16]);
        used += 16;
        let (link, hash) = key.mint_unsubscribe(token_id, &nonce);
        let vars = row_vars(&member.email, &member.attributes, &link);
        Ok((options.row(member.email.clone(), Some(vars)), hash))
    };
    let body = crate::ops::queue::body(Channel::Email, &content, Vec::new())?;
    let queued = store
        .enqueue_newsletter(&body, group.id, issue, actor, progress)
        .context("cannot queue the newsletter")?;
    Ok(SendReport {
        queued,
        group: group.slug,
        template: template_name.to_string(),
    })
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::testing::{config, text_from};

    const PIECES: &[&str] = &[
        "email",
        "Email",
        "name",
        ",",
        ";",
        "\n",
        "\r\n",
        "\"",
        "\"\"",
        "a@example.org",
        "b@x",
        "@",
        " ",
        "\u{feff}",
        "Zoé",
        "\t",
    ];

    proptest! {
        #![proptest_config(config())]

        /// Any CSV text gives members and invalid lines, or an error; never a panic.
        #[test]
        fn member_csv_never_panics(text in text_from(PIECES)) {
            let _ = super::parse_members(text.as_bytes(), |_| Ok(()));
        }
    }
}
