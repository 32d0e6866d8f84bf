
use builtin;
use str;

set edit:completion:arg-completer[publik] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'publik'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'publik'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Write a commented publik.yaml (every key with its default), create the state file and the link key'
            cand config 'Check the config file'
            cand state 'Look at, back up, check and migrate the state'
            cand enqueue 'Queue a message: one row per recipient; prints the new row ids'
            cand send-queue 'Send pending messages whose time has come (the cron job)'
            cand retry-queue 'Send again the messages in error whose backoff has passed'
            cand queue 'Inspect and fix the send queue'
            cand sms 'SMS delivery receipts'
            cand group 'Subscriber groups for newsletters'
            cand template 'Message templates (minijinja, Django-like syntax)'
            cand newsletter 'Send a template to every active member of a group'
            cand gen-ics 'Write an RFC 5545 calendar event for an appointment (stdout or -o FILE)'
            cand feed-mail-maarch 'Harvest the scanned mail Maarch Courrier holds in maarch.status_grc'
            cand mail 'Mail harvested from Maarch, and reports of its fate back to Maarch'
            cand vapid 'VAPID keys for Web Push (RFC 8292)'
            cand push 'Web Push subscriptions (one per user and device)'
            cand notify 'Queue a Web Push notification to every device of a user'
            cand send-webpush 'Send queued Web Push notifications (same as send-queue --channel push)'
            cand bounce 'Read one bounce (a delivery status notification) and fail the message it is about'
            cand fetch-bounces 'Read the bounce mailbox (email.bounce_mailbox, IMAP) and handle each bounce'
            cand serve 'Serve publik''s landing pages (action links, unsubscribe links) behind the site''s reverse proxy'
            cand workflow 'Workflows: statuses, manual jumps, actions on entering a status'
            cand form 'Forms: citizens'' requests moving through a workflow'
            cand issue-action-token 'Print an action link (URL) that runs a form''s jump once, for scripts and other senders'
            cand run-jump 'Run the jump an action link names (the same checks as its web page)'
            cand purge-tokens 'Delete the action links that can no longer act (the nightly cron job)'
            cand completions 'Print a shell completion script'
            cand man 'Write man pages, one per command (publik.1, publik-send-queue.1, ...), and publik.yaml.5'
            cand tenant 'The sites of this installation (one directory each in the tenants directory)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;init'= {
            cand --dir 'Directory for publik.yaml (and publik.sqlite3 unless --state is given)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;config'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Load and validate the config; print the effective settings (secrets masked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;config;check'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --connect 'Also connect to each configured server (SMTP, ...); exit 75 if one is down'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;config;help'= {
            cand check 'Load and validate the config; print the effective settings (secrets masked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;config;help;check'= {
        }
        &'publik;config;help;help'= {
        }
        &'publik;state'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand info 'Path, schema version, size and row counts per table'
            cand backup 'Copy the state into FILE with SQLite''s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete'
            cand upgrade 'Bring the state''s schema up to this publik''s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints'
            cand restore 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)'
            cand check 'SQLite''s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem'
            cand migrate 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;state;info'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;state;backup'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;state;upgrade'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;state;restore'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;state;check'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;state;migrate'= {
            cand --to 'The target state (URL or file); refused unless empty'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;state;help'= {
            cand info 'Path, schema version, size and row counts per table'
            cand backup 'Copy the state into FILE with SQLite''s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete'
            cand upgrade 'Bring the state''s schema up to this publik''s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints'
            cand restore 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)'
            cand check 'SQLite''s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem'
            cand migrate 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;state;help;info'= {
        }
        &'publik;state;help;backup'= {
        }
        &'publik;state;help;upgrade'= {
        }
        &'publik;state;help;restore'= {
        }
        &'publik;state;help;check'= {
        }
        &'publik;state;help;migrate'= {
        }
        &'publik;state;help;help'= {
        }
        &'publik;enqueue'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand email 'Queue an email (body and attachments stored once, one row per recipient)'
            cand sms 'Queue an SMS: numbers normalized to E.164, one row per number'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;enqueue;email'= {
            cand --to 'Recipient (To:), `addr@example.org` or `Name <addr@example.org>`; repeatable'
            cand --cc 'Copy recipient (Cc:); repeatable'
            cand --bcc 'Hidden recipient; repeatable'
            cand --subject 'Subject line'
            cand --text 'Plain-text body file, or - for standard input'
            cand --html 'HTML body file (sent as multipart/alternative with the text)'
            cand --attach 'Attachment, FILE or FILE;type=MIME; repeatable'
            cand --from 'From: [default: the config''s email.from]'
            cand --reply-to 'Reply-To: address'
            cand --header 'Extra header NAME:VALUE; repeatable'
            cand --priority 'Order in the queue: high is sent before normal, normal before low'
            cand --not-before 'Do not send before this time (RFC 3339 or local "YYYY-MM-DD HH:MM")'
            cand --expires-in 'Give up (status failed) if not sent within this long, e.g. 24h'
            cand --tag 'Free label for `queue list --tag`'
            cand --invite 'Send this calendar (METHOD:REQUEST or CANCEL) as an invitation (iMIP)'
            cand --invite-booking 'Build the invitation from an agenda booking JSON (as gen-ics --booking); each recipient is the ATTENDEE, email.organizer the ORGANIZER'
            cand --invite-uid 'UID of the appointment, to reschedule or cancel one sent before'
            cand --invite-method 'request (new or moved appointment) or cancel'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;enqueue;sms'= {
            cand --to 'Phone number (06 12 34 56 78, +33612345678, ...); repeatable'
            cand --text 'Message text'
            cand --text-file 'Message text from a file'
            cand --not-before 'Do not send before this time'
            cand --expires-in 'Give up if not sent within this long'
            cand --tag 'A label to find the messages by (queue list --tag)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;enqueue;help'= {
            cand email 'Queue an email (body and attachments stored once, one row per recipient)'
            cand sms 'Queue an SMS: numbers normalized to E.164, one row per number'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;enqueue;help;email'= {
        }
        &'publik;enqueue;help;sms'= {
        }
        &'publik;enqueue;help;help'= {
        }
        &'publik;send-queue'= {
            cand --limit 'Handle at most N messages'
            cand --channel 'Only this channel; repeatable [default: all]'
            cand --time-limit 'Stop claiming new messages after this long, e.g. 50s'
            cand --id 'Only these messages (pending or error), now whatever their schedule (postqueue -i); repeatable, `-` reads ids from standard input'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --dry-run 'Show what would be sent; change nothing'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;retry-queue'= {
            cand --limit 'Handle at most N messages'
            cand --channel 'Only this channel; repeatable [default: all]'
            cand --time-limit 'Stop claiming new messages after this long, e.g. 50s'
            cand --id 'Only these messages (pending or error), now whatever their schedule (postqueue -i); repeatable, `-` reads ids from standard input'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --dry-run 'Show what would be sent; change nothing'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List messages (oldest first)'
            cand show 'One message: recipients, headers, body preview, attachments, history'
            cand stats 'Count per channel and status, age of the oldest pending message'
            cand check 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)'
            cand requeue 'Put messages back to pending (attempts start again; the history keeps them)'
            cand cancel 'Cancel pending or error messages'
            cand hold 'Hold pending or error messages: no run sends them until released (postsuper -h)'
            cand release 'Release held messages back to pending, attempts starting again (postsuper -H)'
            cand delete 'Delete messages and their history, in any status but sending (postsuper -d)'
            cand purge 'Delete finished messages (and their history) older than a duration'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;queue;list'= {
            cand --status 'Only these statuses (repeatable or comma-separated)'
            cand --channel 'Only this channel'
            cand --to 'Only this recipient'
            cand --tag 'Only messages with this tag'
            cand --since 'Only messages created within this long, e.g. 24h'
            cand --limit 'At most N messages, 0 for all [default: 100 in a table, all with --json or --json-lines]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json-lines 'One JSON object a line, written as the rows are read (postqueue -j)'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;show'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;stats'= {
            cand --format 'table (or JSON with --json), or openmetrics for Prometheus and node_exporter''s textfile collector'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;check'= {
            cand --warn-age 'WARNING when a due message has waited this long'
            cand --crit-age 'CRITICAL when a due message has waited this long'
            cand --warn-failed 'WARNING from this many messages failed in the last 24 hours'
            cand --crit-failed 'CRITICAL from this many messages failed in the last 24 hours'
            cand --channel 'Only this channel'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;requeue'= {
            cand --status 'Every message in this status (error, failed or cancelled)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;cancel'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;hold'= {
            cand --status 'Every message in this status (pending or error)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;release'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;delete'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;purge'= {
            cand --older-than 'Delete the messages finished longer ago than this, e.g. 90d'
            cand --status 'Statuses to purge [default: sent,delivered,failed,cancelled]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;queue;help'= {
            cand list 'List messages (oldest first)'
            cand show 'One message: recipients, headers, body preview, attachments, history'
            cand stats 'Count per channel and status, age of the oldest pending message'
            cand check 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)'
            cand requeue 'Put messages back to pending (attempts start again; the history keeps them)'
            cand cancel 'Cancel pending or error messages'
            cand hold 'Hold pending or error messages: no run sends them until released (postsuper -h)'
            cand release 'Release held messages back to pending, attempts starting again (postsuper -H)'
            cand delete 'Delete messages and their history, in any status but sending (postsuper -d)'
            cand purge 'Delete finished messages (and their history) older than a duration'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;queue;help;list'= {
        }
        &'publik;queue;help;show'= {
        }
        &'publik;queue;help;stats'= {
        }
        &'publik;queue;help;check'= {
        }
        &'publik;queue;help;requeue'= {
        }
        &'publik;queue;help;cancel'= {
        }
        &'publik;queue;help;hold'= {
        }
        &'publik;queue;help;release'= {
        }
        &'publik;queue;help;delete'= {
        }
        &'publik;queue;help;purge'= {
        }
        &'publik;queue;help;help'= {
        }
        &'publik;sms'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand receipt 'Record a provider''s delivery receipt (the only way to `delivered`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;sms;receipt'= {
            cand --provider-id 'The provider''s message id, as stored when the SMS was sent'
            cand --status 'What the provider says became of the SMS'
            cand --at 'When the provider says it happened [default: now]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;sms;help'= {
            cand receipt 'Record a provider''s delivery receipt (the only way to `delivered`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;sms;help;receipt'= {
        }
        &'publik;sms;help;help'= {
        }
        &'publik;group'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a group'
            cand list 'List groups with their member counts'
            cand add 'Add members by address (already present: ignored)'
            cand import 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line'
            cand remove 'Remove members'
            cand members 'List a group''s members'
            cand unsubscribe 'Unsubscribe the member an unsubscribe link was sent to'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;group;create'= {
            cand --label 'The group''s name, as shown to subscribers'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;group;list'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;group;add'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;group;import'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --skip-invalid 'Import the good lines and report the bad ones (default: a bad line imports nothing)'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;group;remove'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;group;members'= {
            cand --status 'Only members in this status'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;group;unsubscribe'= {
            cand --token 'The token of the link (it may start with "-")'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;group;help'= {
            cand create 'Create a group'
            cand list 'List groups with their member counts'
            cand add 'Add members by address (already present: ignored)'
            cand import 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line'
            cand remove 'Remove members'
            cand members 'List a group''s members'
            cand unsubscribe 'Unsubscribe the member an unsubscribe link was sent to'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;group;help;create'= {
        }
        &'publik;group;help;list'= {
        }
        &'publik;group;help;add'= {
        }
        &'publik;group;help;import'= {
        }
        &'publik;group;help;remove'= {
        }
        &'publik;group;help;members'= {
        }
        &'publik;group;help;unsubscribe'= {
        }
        &'publik;group;help;help'= {
        }
        &'publik;template'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add (or replace) a template; syntax errors and unknown filters are reported now'
            cand list 'List templates'
            cand show 'Show a template''s source'
            cand render 'Preview a template for one recipient'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;template;add'= {
            cand --subject 'The subject line (a template too)'
            cand --text 'Plain-text part'
            cand --html 'HTML part (auto-escaped)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;template;list'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;template;show'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;template;render'= {
            cand --to 'The recipient to render it for (a group member''s attributes if any)'
            cand --var 'Template variable KEY=VALUE; repeatable'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;template;help'= {
            cand add 'Add (or replace) a template; syntax errors and unknown filters are reported now'
            cand list 'List templates'
            cand show 'Show a template''s source'
            cand render 'Preview a template for one recipient'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;template;help;add'= {
        }
        &'publik;template;help;list'= {
        }
        &'publik;template;help;show'= {
        }
        &'publik;template;help;render'= {
        }
        &'publik;template;help;help'= {
        }
        &'publik;newsletter'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand send 'Queue one email per active member (one transaction), each with its own unsubscribe link'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;newsletter;send'= {
            cand --template 'The template to send (its name)'
            cand --group 'The group whose active members get it (its short name)'
            cand --var 'Template variable KEY=VALUE; repeatable'
            cand --not-before 'Do not send before this time'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;newsletter;help'= {
            cand send 'Queue one email per active member (one transaction), each with its own unsubscribe link'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;newsletter;help;send'= {
        }
        &'publik;newsletter;help;help'= {
        }
        &'publik;gen-ics'= {
            cand --booking 'The agenda''s booking JSON (label, user_display_label, user_name or user_first_name + user_last_name, user_email, datetime, end_datetime, extra_data.{description,location,url,comment}); - for stdin. Flags override it'
            cand --start 'Start, "YYYY-MM-DD HH:MM" in --tz, or RFC 3339'
            cand --end 'End, like --start'
            cand --duration 'Length instead of --end, e.g. 30m'
            cand --tz 'Zone of times given without an offset [default: the config''s ics.timezone]'
            cand --label 'The event''s title (SUMMARY)'
            cand --user-display-label 'Summary shown to the user (preferred over --label)'
            cand --description 'The event''s text (DESCRIPTION)'
            cand --location 'Where it happens (LOCATION)'
            cand --url 'A page about the appointment (URL)'
            cand --comment 'A note for the attendee (COMMENT)'
            cand --user-name 'Attendee''s name (CN)'
            cand --user-email 'The attendee''s address (ATTENDEE)'
            cand --organizer '"Name <addr>" [default: the config''s email.organizer]'
            cand --uid 'The appointment''s UID (to reschedule or cancel it) [default: a new one]'
            cand --method 'publish: an event to add; request: an invitation; cancel: the event is called off'
            cand -o 'Output file [default: stdout]'
            cand --output 'Output file [default: stdout]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;feed-mail-maarch'= {
            cand --limit 'Take at most N mails [default: maarch.batch]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --dry-run 'List what would be harvested; change nothing'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;mail'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List harvested mail'
            cand show 'One mail: Maarch''s metadata, local status, linked form'
            cand file 'Save a mail''s scanned document'
            cand link 'Tell Maarch a request was created for the mail (external id and link, status_sent)'
            cand reject 'Tell Maarch the mail is not for the platform (status_refused)'
            cand respond 'Tell Maarch the platform answered (status_response, the content as history message)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;mail;list'= {
            cand --status 'Only mail in this status'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;mail;show'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;mail;file'= {
            cand -o 'Where to write the scanned document'
            cand --output 'Where to write the scanned document'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;mail;link'= {
            cand --form-number 'The w.c.s. form''s number'
            cand --form-url 'The w.c.s. form''s URL'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --force 'Replace the form already linked (Maarch keeps one external id)'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;mail;reject'= {
            cand --reason 'History message in Maarch'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;mail;respond'= {
            cand --mail-id 'The mail''s external id, e.g. maarch-12'
            cand --content 'The answer''s text'
            cand --content-file 'The answer''s text, from a file'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;mail;help'= {
            cand list 'List harvested mail'
            cand show 'One mail: Maarch''s metadata, local status, linked form'
            cand file 'Save a mail''s scanned document'
            cand link 'Tell Maarch a request was created for the mail (external id and link, status_sent)'
            cand reject 'Tell Maarch the mail is not for the platform (status_refused)'
            cand respond 'Tell Maarch the platform answered (status_response, the content as history message)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;mail;help;list'= {
        }
        &'publik;mail;help;show'= {
        }
        &'publik;mail;help;file'= {
        }
        &'publik;mail;help;link'= {
        }
        &'publik;mail;help;reject'= {
        }
        &'publik;mail;help;respond'= {
        }
        &'publik;mail;help;help'= {
        }
        &'publik;vapid'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout'
            cand show 'Print the public key of the configured private key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;vapid;generate'= {
            cand --out 'Private key file [default: the config''s webpush.private_key_file]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;vapid;show'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;vapid;help'= {
            cand generate 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout'
            cand show 'Print the public key of the configured private key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;vapid;help;generate'= {
        }
        &'publik;vapid;help;show'= {
        }
        &'publik;vapid;help;help'= {
        }
        &'publik;push'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand subscribe 'Save a browser''s PushSubscription.toJSON() for a user (the same endpoint is stored once)'
            cand unsubscribe 'Remove a user''s subscription (one endpoint, or all)'
            cand token 'A token naming a user, for the site''s page that subscribes the user''s browser through publik serve''s POST /push/subscribe/?token=TOKEN'
            cand list 'List subscriptions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;push;subscribe'= {
            cand --user 'The user the subscription belongs to'
            cand --subscription 'The subscription JSON file [default: stdin]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;push;unsubscribe'= {
            cand --user 'The user whose subscriptions to remove'
            cand --endpoint 'Only the subscription of this endpoint'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --all 'Every subscription of the user'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;push;token'= {
            cand --user 'The user the token names'
            cand --ttl 'How long the page may use it'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;push;list'= {
            cand --user 'Only this user''s subscriptions'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;push;help'= {
            cand subscribe 'Save a browser''s PushSubscription.toJSON() for a user (the same endpoint is stored once)'
            cand unsubscribe 'Remove a user''s subscription (one endpoint, or all)'
            cand token 'A token naming a user, for the site''s page that subscribes the user''s browser through publik serve''s POST /push/subscribe/?token=TOKEN'
            cand list 'List subscriptions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;push;help;subscribe'= {
        }
        &'publik;push;help;unsubscribe'= {
        }
        &'publik;push;help;token'= {
        }
        &'publik;push;help;list'= {
        }
        &'publik;push;help;help'= {
        }
        &'publik;notify'= {
            cand --user 'The user whose devices get it'
            cand --title 'The notification''s title'
            cand --body 'The notification''s text'
            cand --url 'Page opened when the notification is clicked'
            cand --icon 'An icon to show with it'
            cand --tag 'Replaces an earlier notification with the same tag (also the push Topic)'
            cand --action 'A button, ID:LABEL; repeatable'
            cand --ttl 'How long the push service keeps it for an offline device [default: webpush.ttl]'
            cand --urgency 'How soon the device should wake for it (the push Urgency header)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;send-webpush'= {
            cand --limit 'Send at most this many notifications'
            cand --max-age 'Do not send notifications older than this [default: webpush.max_age]'
            cand --time-limit 'Stop taking notifications after this long (those in hand are finished)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --dry-run 'Show what would be sent; send nothing, change nothing'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;bounce'= {
            cand --recipient 'The address the bounce was delivered to (Postfix: ${original_recipient})'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;fetch-bounces'= {
            cand --limit 'Read at most N messages this run'
            cand --time-limit 'The run''s deadline, e.g. 2m: no message is read after it, and a command still under way then is cut (exit 75)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;serve'= {
            cand --listen 'Address to listen on [default: the config''s serve.listen]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;workflow'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand import 'Validate and store a workflow YAML file (replaces one of the same name)'
            cand list 'List workflows'
            cand show 'Show a workflow''s statuses, jumps and actions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;workflow;import'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;workflow;list'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;workflow;show'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;workflow;help'= {
            cand import 'Validate and store a workflow YAML file (replaces one of the same name)'
            cand list 'List workflows'
            cand show 'Show a workflow''s statuses, jumps and actions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;workflow;help;import'= {
        }
        &'publik;workflow;help;list'= {
        }
        &'publik;workflow;help;show'= {
        }
        &'publik;workflow;help;help'= {
        }
        &'publik;form'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a form: it gets a number, enters the initial status, runs its actions'
            cand list 'List forms'
            cand show 'A form: data, status, offered jumps, full history'
            cand delete 'Delete a form and its history (its action links then say so)'
            cand jump 'Run a jump the form''s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.''s trigger jumps), each in its own transaction'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;form;create'= {
            cand --workflow 'The workflow the form follows (its name)'
            cand --name 'The form''s title, as shown to agents'
            cand --data 'KEY=VALUE; repeatable'
            cand --user 'The citizen who filed it (the user name push notifications go to)'
            cand --email 'The citizen''s email address (the workflow''s emails go there)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;form;list'= {
            cand --status 'Only forms in this status'
            cand --workflow 'Only forms of this workflow'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;form;show'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;form;delete'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;form;jump'= {
            cand --actor 'Who acts, named in the history [default: form-jump[PID]]'
            cand --data 'Data the jump carries, KEY=VALUE; repeatable'
            cand --workflow 'Every form of this workflow...'
            cand --status '... in this status ...'
            cand --trigger '... takes this jump'
            cand --where 'Only forms whose data has FIELD=VALUE; repeatable'
            cand --older-than 'Only forms in the status for longer than this (e.g. 30d)'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --dry-run 'Say which forms would jump; change nothing'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;form;help'= {
            cand create 'Create a form: it gets a number, enters the initial status, runs its actions'
            cand list 'List forms'
            cand show 'A form: data, status, offered jumps, full history'
            cand delete 'Delete a form and its history (its action links then say so)'
            cand jump 'Run a jump the form''s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.''s trigger jumps), each in its own transaction'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;form;help;create'= {
        }
        &'publik;form;help;list'= {
        }
        &'publik;form;help;show'= {
        }
        &'publik;form;help;delete'= {
        }
        &'publik;form;help;jump'= {
        }
        &'publik;form;help;help'= {
        }
        &'publik;issue-action-token'= {
            cand --form 'The form''s number'
            cand --action 'The jump, offered by the form''s current status'
            cand --wcs-form 'A form of a remote w.c.s. (under a wcs.services url): the link runs its trigger there'
            cand --trigger 'The w.c.s. jump trigger the link runs (with --wcs-form)'
            cand --ttl 'Lifetime: days as a bare number (as w.c.s.), or 90m, 12h, 7d; at most 365 days [default: 3]'
            cand --recipient 'Who the link is for (named in the history when used)'
            cand --label 'Button label on the confirmation page [default: the jump''s label]'
            cand --message 'Text of the confirmation page [default: "Please confirm action."]'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;run-jump'= {
            cand --actor 'Who acts [default: the link''s recipient]'
            cand --data 'Data the jump carries, KEY=VALUE (e.g. comment=...); repeatable'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;purge-tokens'= {
            cand --used-before 'Keep used links this long after their use'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;completions'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;man'= {
            cand --dir 'Output directory'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;tenant'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the sites'
            cand add 'Add a site: its directory, a commented publik.yaml and its state'
            cand check 'Check every site''s config (the main one merged with the site''s); exit 65 if one is bad'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;tenant;list'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;tenant;add'= {
            cand --database 'The site''s state in a PostgreSQL database (an empty one, made ready now) instead of publik.sqlite3 in its directory'
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;tenant;check'= {
            cand --config 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]'
            cand --state 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]'
            cand --tenant 'Work on one site of a multi-site installation (its directory in the tenants directory)'
            cand --jobs 'Sites at once with --all-tenants [default: the number of cores]'
            cand --json 'Machine-readable JSON output'
            cand -v 'More logs on stderr (-v: info, -vv: debug)'
            cand --verbose 'More logs on stderr (-v: info, -vv: debug)'
            cand -q 'No logs at all (errors are still printed)'
            cand --quiet 'No logs at all (errors are still printed)'
            cand --all-tenants 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'publik;tenant;help'= {
            cand list 'List the sites'
            cand add 'Add a site: its directory, a commented publik.yaml and its state'
            cand check 'Check every site''s config (the main one merged with the site''s); exit 65 if one is bad'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;tenant;help;list'= {
        }
        &'publik;tenant;help;add'= {
        }
        &'publik;tenant;help;check'= {
        }
        &'publik;tenant;help;help'= {
        }
        &'publik;help'= {
            cand init 'Write a commented publik.yaml (every key with its default), create the state file and the link key'
            cand config 'Check the config file'
            cand state 'Look at, back up, check and migrate the state'
            cand enqueue 'Queue a message: one row per recipient; prints the new row ids'
            cand send-queue 'Send pending messages whose time has come (the cron job)'
            cand retry-queue 'Send again the messages in error whose backoff has passed'
            cand queue 'Inspect and fix the send queue'
            cand sms 'SMS delivery receipts'
            cand group 'Subscriber groups for newsletters'
            cand template 'Message templates (minijinja, Django-like syntax)'
            cand newsletter 'Send a template to every active member of a group'
            cand gen-ics 'Write an RFC 5545 calendar event for an appointment (stdout or -o FILE)'
            cand feed-mail-maarch 'Harvest the scanned mail Maarch Courrier holds in maarch.status_grc'
            cand mail 'Mail harvested from Maarch, and reports of its fate back to Maarch'
            cand vapid 'VAPID keys for Web Push (RFC 8292)'
            cand push 'Web Push subscriptions (one per user and device)'
            cand notify 'Queue a Web Push notification to every device of a user'
            cand send-webpush 'Send queued Web Push notifications (same as send-queue --channel push)'
            cand bounce 'Read one bounce (a delivery status notification) and fail the message it is about'
            cand fetch-bounces 'Read the bounce mailbox (email.bounce_mailbox, IMAP) and handle each bounce'
            cand serve 'Serve publik''s landing pages (action links, unsubscribe links) behind the site''s reverse proxy'
            cand workflow 'Workflows: statuses, manual jumps, actions on entering a status'
            cand form 'Forms: citizens'' requests moving through a workflow'
            cand issue-action-token 'Print an action link (URL) that runs a form''s jump once, for scripts and other senders'
            cand run-jump 'Run the jump an action link names (the same checks as its web page)'
            cand purge-tokens 'Delete the action links that can no longer act (the nightly cron job)'
            cand completions 'Print a shell completion script'
            cand man 'Write man pages, one per command (publik.1, publik-send-queue.1, ...), and publik.yaml.5'
            cand tenant 'The sites of this installation (one directory each in the tenants directory)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'publik;help;init'= {
        }
        &'publik;help;config'= {
            cand check 'Load and validate the config; print the effective settings (secrets masked)'
        }
        &'publik;help;config;check'= {
        }
        &'publik;help;state'= {
            cand info 'Path, schema version, size and row counts per table'
            cand backup 'Copy the state into FILE with SQLite''s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete'
            cand upgrade 'Bring the state''s schema up to this publik''s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints'
            cand restore 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)'
            cand check 'SQLite''s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem'
            cand migrate 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only'
        }
        &'publik;help;state;info'= {
        }
        &'publik;help;state;backup'= {
        }
        &'publik;help;state;upgrade'= {
        }
        &'publik;help;state;restore'= {
        }
        &'publik;help;state;check'= {
        }
        &'publik;help;state;migrate'= {
        }
        &'publik;help;enqueue'= {
            cand email 'Queue an email (body and attachments stored once, one row per recipient)'
            cand sms 'Queue an SMS: numbers normalized to E.164, one row per number'
        }
        &'publik;help;enqueue;email'= {
        }
        &'publik;help;enqueue;sms'= {
        }
        &'publik;help;send-queue'= {
        }
        &'publik;help;retry-queue'= {
        }
        &'publik;help;queue'= {
            cand list 'List messages (oldest first)'
            cand show 'One message: recipients, headers, body preview, attachments, history'
            cand stats 'Count per channel and status, age of the oldest pending message'
            cand check 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)'
            cand requeue 'Put messages back to pending (attempts start again; the history keeps them)'
            cand cancel 'Cancel pending or error messages'
            cand hold 'Hold pending or error messages: no run sends them until released (postsuper -h)'
            cand release 'Release held messages back to pending, attempts starting again (postsuper -H)'
            cand delete 'Delete messages and their history, in any status but sending (postsuper -d)'
            cand purge 'Delete finished messages (and their history) older than a duration'
        }
        &'publik;help;queue;list'= {
        }
        &'publik;help;queue;show'= {
        }
        &'publik;help;queue;stats'= {
        }
        &'publik;help;queue;check'= {
        }
        &'publik;help;queue;requeue'= {
        }
        &'publik;help;queue;cancel'= {
        }
        &'publik;help;queue;hold'= {
        }
        &'publik;help;queue;release'= {
        }
        &'publik;help;queue;delete'= {
        }
        &'publik;help;queue;purge'= {
        }
        &'publik;help;sms'= {
            cand receipt 'Record a provider''s delivery receipt (the only way to `delivered`)'
        }
        &'publik;help;sms;receipt'= {
        }
        &'publik;help;group'= {
            cand create 'Create a group'
            cand list 'List groups with their member counts'
            cand add 'Add members by address (already present: ignored)'
            cand import 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line'
            cand remove 'Remove members'
            cand members 'List a group''s members'
            cand unsubscribe 'Unsubscribe the member an unsubscribe link was sent to'
        }
        &'publik;help;group;create'= {
        }
        &'publik;help;group;list'= {
        }
        &'publik;help;group;add'= {
        }
        &'publik;help;group;import'= {
        }
        &'publik;help;group;remove'= {
        }
        &'publik;help;group;members'= {
        }
        &'publik;help;group;unsubscribe'= {
        }
        &'publik;help;template'= {
            cand add 'Add (or replace) a template; syntax errors and unknown filters are reported now'
            cand list 'List templates'
            cand show 'Show a template''s source'
            cand render 'Preview a template for one recipient'
        }
        &'publik;help;template;add'= {
        }
        &'publik;help;template;list'= {
        }
        &'publik;help;template;show'= {
        }
        &'publik;help;template;render'= {
        }
        &'publik;help;newsletter'= {
            cand send 'Queue one email per active member (one transaction), each with its own unsubscribe link'
        }
        &'publik;help;newsletter;send'= {
        }
        &'publik;help;gen-ics'= {
        }
        &'publik;help;feed-mail-maarch'= {
        }
        &'publik;help;mail'= {
            cand list 'List harvested mail'
            cand show 'One mail: Maarch''s metadata, local status, linked form'
            cand file 'Save a mail''s scanned document'
            cand link 'Tell Maarch a request was created for the mail (external id and link, status_sent)'
            cand reject 'Tell Maarch the mail is not for the platform (status_refused)'
            cand respond 'Tell Maarch the platform answered (status_response, the content as history message)'
        }
        &'publik;help;mail;list'= {
        }
        &'publik;help;mail;show'= {
        }
        &'publik;help;mail;file'= {
        }
        &'publik;help;mail;link'= {
        }
        &'publik;help;mail;reject'= {
        }
        &'publik;help;mail;respond'= {
        }
        &'publik;help;vapid'= {
            cand generate 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout'
            cand show 'Print the public key of the configured private key'
        }
        &'publik;help;vapid;generate'= {
        }
        &'publik;help;vapid;show'= {
        }
        &'publik;help;push'= {
            cand subscribe 'Save a browser''s PushSubscription.toJSON() for a user (the same endpoint is stored once)'
            cand unsubscribe 'Remove a user''s subscription (one endpoint, or all)'
            cand token 'A token naming a user, for the site''s page that subscribes the user''s browser through publik serve''s POST /push/subscribe/?token=TOKEN'
            cand list 'List subscriptions'
        }
        &'publik;help;push;subscribe'= {
        }
        &'publik;help;push;unsubscribe'= {
        }
        &'publik;help;push;token'= {
        }
        &'publik;help;push;list'= {
        }
        &'publik;help;notify'= {
        }
        &'publik;help;send-webpush'= {
        }
        &'publik;help;bounce'= {
        }
        &'publik;help;fetch-bounces'= {
        }
        &'publik;help;serve'= {
        }
        &'publik;help;workflow'= {
            cand import 'Validate and store a workflow YAML file (replaces one of the same name)'
            cand list 'List workflows'
            cand show 'Show a workflow''s statuses, jumps and actions'
        }
        &'publik;help;workflow;import'= {
        }
        &'publik;help;workflow;list'= {
        }
        &'publik;help;workflow;show'= {
        }
        &'publik;help;form'= {
            cand create 'Create a form: it gets a number, enters the initial status, runs its actions'
            cand list 'List forms'
            cand show 'A form: data, status, offered jumps, full history'
            cand delete 'Delete a form and its history (its action links then say so)'
            cand jump 'Run a jump the form''s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.''s trigger jumps), each in its own transaction'
        }
        &'publik;help;form;create'= {
        }
        &'publik;help;form;list'= {
        }
        &'publik;help;form;show'= {
        }
        &'publik;help;form;delete'= {
        }
        &'publik;help;form;jump'= {
        }
        &'publik;help;issue-action-token'= {
        }
        &'publik;help;run-jump'= {
        }
        &'publik;help;purge-tokens'= {
        }
        &'publik;help;completions'= {
        }
        &'publik;help;man'= {
        }
        &'publik;help;tenant'= {
            cand list 'List the sites'
            cand add 'Add a site: its directory, a commented publik.yaml and its state'
            cand check 'Check every site''s config (the main one merged with the site''s); exit 65 if one is bad'
        }
        &'publik;help;tenant;list'= {
        }
        &'publik;help;tenant;add'= {
        }
        &'publik;help;tenant;check'= {
        }
        &'publik;help;help'= {
        }
    ]
    $completions[$command]
}
