//! Maarch mail: the feed and the harvested mail.

use super::{Output, json, local, out, table};

pub(crate) fn feed_report(
    report: &crate::ops::maarch::FeedReport,
    dry_run: bool,
    output: Output,
) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    if dry_run {
        let ids: Vec<String> = report.would_harvest.iter().map(i64::to_string).collect();
        return Ok(out(&format!(
            "would harvest {} mail(s): {}",
            ids.len(),
            ids.join(" ")
        ))?);
    }
    Ok(())
}

pub(crate) fn mails(mails: &[crate::store::Mail], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(mails);
    }
    if mails.is_empty() {
        return Ok(());
    }
    let rows = mails
        .iter()
        .map(|m| {
            vec![
                m.id.to_string(),
                m.external_id.clone(),
                m.subject.clone().unwrap_or_default(),
                m.status.as_str().to_string(),
                m.form_number.clone().unwrap_or_default(),
                local(Some(m.received_at)),
            ]
        })
        .collect();
    Ok(out(&table(
        &["id", "external id", "subject", "status", "form", "received"],
        rows,
    ))?)
}

pub(crate) fn mail(mail: &crate::store::Mail, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(mail);
    }
    let mut text = format!(
        "id:           {}\nexternal id:  {}\nres_id:       {}\nsubject:      {}\nstatus:       {}\nfile:         {} bytes\nreceived:     {}\n",
        mail.id,
        mail.external_id,
        mail.res_id,
        mail.subject.clone().unwrap_or_default(),
        mail.status.as_str(),
        mail.file_size,
        local(Some(mail.received_at)),
    );
    if let Some(number) = &mail.form_number {
        text.push_str(&format!(
            "form:         {number} {}\n",
            mail.form_url.clone().unwrap_or_default()
        ));
    }
    if let Some(metadata) = &mail.metadata {
        text.push_str(&format!(
            "\nmetadata:\n{}\n",
            serde_json::to_string_pretty(metadata)?
        ));
    }
    Ok(out(&text)?)
}
