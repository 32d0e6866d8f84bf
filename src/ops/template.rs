//! Message templates (minijinja, the Django-like syntax of the platform's
//! forms): checked when saved, rendered per recipient at send time.

use minijinja::{Environment, UndefinedBehavior};
use serde_json::{Value, json};

use crate::exit_codes::bad_field;

/// Names carry the part's role; `.html` turns on HTML auto-escaping.
const SUBJECT: &str = "subject.txt";
const TEXT: &str = "text.txt";
const HTML: &str = "body.html";

/// Steps one rendering may take: a template with nested loops must not make
/// a newsletter send or a jump hang. A real template takes a few hundred.
const FUEL: u64 = 1_000_000;

/// Bytes one rendered part may have (25 MB is what relays take in all).
const MAX_OUTPUT: usize = 8_000_000;

/// The settings every publik template shares: a missing attribute or a null
/// value (a form without email) renders empty, as in the platform's forms,
/// and a text keeps its final newline; each rendering is bounded in steps
/// (fuel) and, through `render_bounded`, in output.
pub(crate) fn base_environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    env.set_formatter(|out, state, value| {
        if value.is_none() {
            Ok(())
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    let mut syntax = minijinja::syntax::SyntaxConfig::builder();
    syntax.keep_trailing_newline(true);
    if let Ok(syntax) = syntax.build() {
        env.set_syntax(syntax);
    }
    env
}

/// A writer that refuses to grow past `MAX_OUTPUT`.
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_OUTPUT {
            return Err(std::io::Error::other("output limit"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders `template` within the step and output limits; their errors say
/// which limit, in words.
pub(crate) fn render_bounded(
    template: &minijinja::Template,
    context: &minijinja::Value,
) -> Result<String, minijinja::Error> {
    let mut out = Capped(Vec::new());
    template
        .render_captured_to(context, &mut out)
        .map_err(|e| match e.kind() {
            minijinja::ErrorKind::WriteFailure => minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("renders more than {} MB", MAX_OUTPUT / 1_000_000),
            ),
            minijinja::ErrorKind::OutOfFuel => minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("takes more than {FUEL} steps to render (a loop too long?)"),
            ),
            _ => e,
        })?;
    String::from_utf8(out.0)
        .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string()))
}

pub(crate) struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
}

pub(crate) struct Templates {
    env: Environment<'static>,
    has_html: bool,
}

/// A template error in one part (`subject`, `text`, `html`), with its line.
#[derive(Debug)]
pub(crate) struct PartError {
    pub part: &'static str,
    pub message: String,
}

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.part, self.message)
    }
}

fn describe(part: &'static str, err: &minijinja::Error) -> PartError {
    let detail = err.detail().map(|d| format!(": {d}")).unwrap_or_default();
    let message = match err.line() {
        Some(line) => format!("line {line}: {}{detail}", err.kind()),
        None => format!("{}{detail}", err.kind()),
    };
    PartError { part, message }
}

impl Templates {
    /// Compiles the parts; errors name the part and line.
    pub(crate) fn new(subject: &str, text: &str, html: Option<&str>) -> Result<Templates, PartError> {
        let mut env = base_environment();
        env.add_template_owned(SUBJECT, subject.to_string())
            .map_err(|e| describe("subject", &e))?;
        env.add_template_owned(TEXT, text.to_string())
            .map_err(|e| describe("text", &e))?;
        if let Some(html) = html {
            env.add_template_owned(HTML, html.to_string())
                .map_err(|e| describe("html", &e))?;
        }
        Ok(Templates {
            env,
            has_html: html.is_some(),
        })
    }

    pub(crate) fn render(&self, context: &Value) -> Result<Rendered, PartError> {
        let context = minijinja::Value::from(minijinja::value::Serde(context));
        let render = |name: &str, part: &'static str| {
            self.env
                .get_template(name)
                .and_then(|t| render_bounded(&t, &context))
                .map_err(|e| describe(part, &e))
        };
        let subject = render(SUBJECT, "subject")?;
        // A subject is one line whatever the template did.
        let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
        Ok(Rendered {
            subject,
            text: render(TEXT, "text")?,
            html: if self.has_html {
                Some(render(HTML, "html")?)
            } else {
                None
            },
        })
    }
}

/// The context every newsletter template can use, with sample values.
pub(crate) fn sample_context(email: &str) -> Value {
    json!({
        "recipient": {"email": email, "name": "Camille Dupont"},
        "group": {"slug": "sample", "label": "Sample group"},
        "unsubscribe_url": "https://example.org/unsubscribe/SAMPLE",
    })
}

/// Compiles and renders once with sample values, so that syntax errors and
/// unknown filters or functions are reported when the template is saved,
/// not when the newsletter goes out.
pub(crate) fn check(subject: &str, text: &str, html: Option<&str>) -> anyhow::Result<()> {
    let templates = Templates::new(subject, text, html).map_err(|e| bad_field(e.part, e.message))?;
    templates
        .render(&sample_context("camille@example.org"))
        .map_err(|e| bad_field(e.part, e.message))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_missing_attributes_as_empty() {
        let t = Templates::new(
            "Bonjour {{ recipient.name }}",
            "Cher {{ recipient.title }} {{ recipient.name }}\n",
            None,
        )
        .unwrap();
        let out = t.render(&json!({"recipient": {"name": "Zoé"}})).unwrap();
        assert_eq!(out.subject, "Bonjour Zoé");
        assert_eq!(out.text, "Cher  Zoé\n");
        let out = t.render(&json!({"recipient": {"name": null}})).unwrap();
        assert_eq!(out.text, "Cher  \n", "null renders empty, not \"none\"");
    }

    #[test]
    fn html_is_escaped_text_is_not() {
        let t = Templates::new("s", "{{ x }}", Some("<p>{{ x }}</p>")).unwrap();
        let out = t.render(&json!({"x": "<b>&</b>"})).unwrap();
        assert_eq!(out.text, "<b>&</b>");
        assert_eq!(out.html.unwrap(), "<p>&lt;b&gt;&amp;&lt;&#x2f;b&gt;</p>");
    }

    #[test]
    fn errors_name_part_and_line() {
        let err = check("ok", "line one\n{{ recipient.name | nosuchfilter }}\n", None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("text: line 2") && err.contains("nosuchfilter"),
            "{err}"
        );
        let err = check("{% if %}", "x", None).unwrap_err().to_string();
        assert!(err.contains("subject: line 1"), "{err}");
    }
}
