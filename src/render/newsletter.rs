//! Groups, members and templates.

use super::{Output, json, local, out, table};

pub(crate) fn groups(groups: &[crate::store::Group], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(groups);
    }
    let rows = groups
        .iter()
        .map(|g| {
            vec![
                g.slug.clone(),
                g.label.clone(),
                g.active.to_string(),
                g.unsubscribed.to_string(),
                g.bounced.to_string(),
            ]
        })
        .collect();
    Ok(out(&table(
        &["group", "label", "active", "unsubscribed", "bounced"],
        rows,
    ))?)
}

pub(crate) fn members(members: &[crate::store::Member], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(members);
    }
    let rows = members
        .iter()
        .map(|m| {
            let attributes: Vec<String> = m
                .attributes
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default()))
                .collect();
            let status = match &m.unsubscribe_reason {
                Some(reason) => format!("{} ({reason})", m.status.as_str()),
                None => m.status.as_str().to_string(),
            };
            vec![
                m.email.clone(),
                status,
                local(Some(m.created_at)),
                attributes.join(" "),
            ]
        })
        .collect();
    Ok(out(&table(&["email", "status", "since", "attributes"], rows))?)
}

pub(crate) fn add_report(report: &crate::ops::newsletter::AddReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    // Skipped lines are worth saying even without -v: the import was partial.
    if !report.invalid.is_empty() {
        let mut text = format!("skipped {} bad line(s):\n", report.invalid_count);
        for line in &report.invalid {
            text.push_str(&format!("  line {}: {}\n", line.line, line.error));
        }
        if report.invalid_count > report.invalid.len() {
            text.push_str(&format!(
                "  and {} more\n",
                report.invalid_count - report.invalid.len()
            ));
        }
        return Ok(out(&text)?);
    }
    Ok(())
}

pub(crate) fn templates(templates: &[crate::store::Template], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(templates);
    }
    let rows = templates
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                t.subject.clone(),
                (if t.html.is_some() { "yes" } else { "no" }).to_string(),
                local(Some(t.updated_at)),
            ]
        })
        .collect();
    Ok(out(&table(&["name", "subject", "html", "updated"], rows))?)
}

pub(crate) fn template(template: &crate::store::Template, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(template);
    }
    let mut text = format!(
        "name: {}\nsubject: {}\n\n--- text ---\n{}\n",
        template.name, template.subject, template.text
    );
    if let Some(html) = &template.html {
        text.push_str(&format!("--- html ---\n{html}\n"));
    }
    Ok(out(&text)?)
}

pub(crate) fn rendered(rendered: &crate::ops::template::Rendered, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(
            &serde_json::json!({"subject": rendered.subject, "text": rendered.text, "html": rendered.html}),
        );
    }
    let mut text = format!("Subject: {}\n\n{}", rendered.subject, rendered.text);
    if let Some(html) = &rendered.html {
        text.push_str(&format!("\n--- html ---\n{html}\n"));
    }
    Ok(out(&text)?)
}
