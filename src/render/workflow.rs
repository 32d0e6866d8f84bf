//! Workflows, forms and action links.

use super::{Output, json, local, out, table};
use serde::Serialize;

pub(crate) fn workflows(workflows: &[crate::store::StoredWorkflow], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(workflows);
    }
    if workflows.is_empty() {
        return Ok(());
    }
    let rows = workflows
        .iter()
        .map(|w| vec![w.name.clone(), w.label.clone(), local(Some(w.imported_at))])
        .collect();
    Ok(out(&table(&["workflow", "label", "imported"], rows))?)
}

pub(crate) fn workflow(workflow: &crate::ops::workflow::Workflow, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(workflow);
    }
    let mut text = format!(
        "{} ({}), starts in {}\n",
        workflow.name, workflow.label, workflow.initial
    );
    for status in &workflow.statuses {
        text.push_str(&format!("\n{}: {}\n", status.id, status.label));
        for jump in &status.jumps {
            text.push_str(&format!("  jump {} ({}) -> {}\n", jump.id, jump.label, jump.to));
        }
        for entry in &status.on_enter {
            let what = match entry.action() {
                Ok(crate::ops::workflow::Action::Email(e)) => {
                    format!("email to {}: {}", e.to.join(", "), e.subject)
                }
                Ok(crate::ops::workflow::Action::Sms(s)) => format!("sms to {}", s.to.join(", ")),
                Ok(crate::ops::workflow::Action::Notify(n)) => format!("notify {}: {}", n.user, n.title),
                Ok(crate::ops::workflow::Action::MaarchResponse(_)) => {
                    "maarch_response to the mails linked to the form".to_string()
                }
                Err(e) => e,
            };
            text.push_str(&format!("  on enter: {what}\n"));
        }
    }
    Ok(out(&text)?)
}

pub(crate) fn forms(forms: &[crate::store::Form], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(forms);
    }
    if forms.is_empty() {
        return Ok(());
    }
    let rows = forms
        .iter()
        .map(|f| {
            vec![
                f.number.clone(),
                f.workflow.clone(),
                f.name.clone(),
                f.status.clone(),
                local(Some(f.updated_at)),
            ]
        })
        .collect();
    Ok(out(&table(
        &["number", "workflow", "name", "status", "updated"],
        rows,
    ))?)
}

pub(crate) fn form(detail: &crate::ops::workflow::FormDetail, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(detail);
    }
    let f = &detail.form;
    let mut text = format!(
        "number:   {}\nname:     {}\nworkflow: {}\nstatus:   {} ({})\ndata:     {}\n",
        f.number, f.name, f.workflow, f.status, detail.status_label, f.data
    );
    for jump in &detail.jumps {
        text.push_str(&format!(
            "jump:     {} ({}) -> {}\n",
            jump.id, jump.label, jump.to
        ));
    }
    text.push_str("\nhistory:\n");
    let rows = detail
        .history
        .iter()
        .map(|h| {
            vec![
                local(Some(h.at)),
                format!("{} → {}", h.from.clone().unwrap_or_else(|| "-".into()), h.to),
                h.jump.clone().unwrap_or_default(),
                h.actor.clone(),
            ]
        })
        .collect();
    text.push_str(&table(&["time", "change", "jump", "by"], rows));
    Ok(out(&text)?)
}

/// The number of a form just created: the number alone, or `{"number": …}`.
pub(crate) fn form_created(number: &str, output: Output) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Created<'a> {
        number: &'a str,
    }
    match output {
        Output::Json => json(&Created { number }),
        Output::Text => Ok(out(number)?),
    }
}

/// A link issued for scripts: its URL alone, or the whole record.
pub(crate) fn issued_link(link: &crate::ops::workflow::IssuedLink, output: Output) -> anyhow::Result<()> {
    match output {
        Output::Json => json(link),
        Output::Text => Ok(out(&link.url)?),
    }
}

/// `form jump --workflow …`: each form's outcome with `--json`; in text, the
/// forms a dry run would move (a real run is quiet, failures are errors).
pub(crate) fn bulk_jump(
    outcomes: &[crate::ops::workflow::BulkOutcome],
    output: Output,
) -> anyhow::Result<()> {
    let count = |what: &str| outcomes.iter().filter(|o| o.outcome == what).count();
    let (jumped, failed, would) = (count("jumped"), count("failed"), count("would jump"));
    log::info!("{jumped} form(s) jumped, {failed} failed, {would} would jump");
    match output {
        Output::Json => json(&serde_json::json!({
            "jumped": jumped,
            "failed": failed,
            "would_jump": would,
            "forms": outcomes,
        }))?,
        Output::Text => {
            let text: String = outcomes
                .iter()
                .filter(|o| o.outcome == "would jump")
                .map(|o| format!("{}\n", o.number))
                .collect();
            out(&text)?;
        }
    }
    if failed > 0 {
        let first = outcomes.iter().find(|o| o.outcome == "failed");
        anyhow::bail!(
            "{failed} of {} form(s) did not jump; first: {} ({})",
            outcomes.len(),
            first.map(|o| o.number.as_str()).unwrap_or_default(),
            first.and_then(|o| o.error.as_deref()).unwrap_or_default()
        );
    }
    Ok(())
}
