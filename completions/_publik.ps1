
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'publik' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'publik'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'publik' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented publik.yaml (every key with its default), create the state file and the link key')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Check the config file')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Look at, back up, check and migrate the state')
            [CompletionResult]::new('enqueue', 'enqueue', [CompletionResultType]::ParameterValue, 'Queue a message: one row per recipient; prints the new row ids')
            [CompletionResult]::new('send-queue', 'send-queue', [CompletionResultType]::ParameterValue, 'Send pending messages whose time has come (the cron job)')
            [CompletionResult]::new('retry-queue', 'retry-queue', [CompletionResultType]::ParameterValue, 'Send again the messages in error whose backoff has passed')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Inspect and fix the send queue')
            [CompletionResult]::new('sms', 'sms', [CompletionResultType]::ParameterValue, 'SMS delivery receipts')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Subscriber groups for newsletters')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Message templates (minijinja, Django-like syntax)')
            [CompletionResult]::new('newsletter', 'newsletter', [CompletionResultType]::ParameterValue, 'Send a template to every active member of a group')
            [CompletionResult]::new('gen-ics', 'gen-ics', [CompletionResultType]::ParameterValue, 'Write an RFC 5545 calendar event for an appointment (stdout or -o FILE)')
            [CompletionResult]::new('feed-mail-maarch', 'feed-mail-maarch', [CompletionResultType]::ParameterValue, 'Harvest the scanned mail Maarch Courrier holds in maarch.status_grc')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Mail harvested from Maarch, and reports of its fate back to Maarch')
            [CompletionResult]::new('vapid', 'vapid', [CompletionResultType]::ParameterValue, 'VAPID keys for Web Push (RFC 8292)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Web Push subscriptions (one per user and device)')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Queue a Web Push notification to every device of a user')
            [CompletionResult]::new('send-webpush', 'send-webpush', [CompletionResultType]::ParameterValue, 'Send queued Web Push notifications (same as send-queue --channel push)')
            [CompletionResult]::new('bounce', 'bounce', [CompletionResultType]::ParameterValue, 'Read one bounce (a delivery status notification) and fail the message it is about')
            [CompletionResult]::new('fetch-bounces', 'fetch-bounces', [CompletionResultType]::ParameterValue, 'Read the bounce mailbox (email.bounce_mailbox, IMAP) and handle each bounce')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve publik''s landing pages (action links, unsubscribe links) behind the site''s reverse proxy')
            [CompletionResult]::new('workflow', 'workflow', [CompletionResultType]::ParameterValue, 'Workflows: statuses, manual jumps, actions on entering a status')
            [CompletionResult]::new('form', 'form', [CompletionResultType]::ParameterValue, 'Forms: citizens'' requests moving through a workflow')
            [CompletionResult]::new('issue-action-token', 'issue-action-token', [CompletionResultType]::ParameterValue, 'Print an action link (URL) that runs a form''s jump once, for scripts and other senders')
            [CompletionResult]::new('run-jump', 'run-jump', [CompletionResultType]::ParameterValue, 'Run the jump an action link names (the same checks as its web page)')
            [CompletionResult]::new('purge-tokens', 'purge-tokens', [CompletionResultType]::ParameterValue, 'Delete the action links that can no longer act (the nightly cron job)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages, one per command (publik.1, publik-send-queue.1, ...), and publik.yaml.5')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'The sites of this installation (one directory each in the tenants directory)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;init' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Directory for publik.yaml (and publik.sqlite3 unless --state is given)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Load and validate the config; print the effective settings (secrets masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;config;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--connect', '--connect', [CompletionResultType]::ParameterName, 'Also connect to each configured server (SMTP, ...); exit 75 if one is down')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;config;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Load and validate the config; print the effective settings (secrets masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;config;help;check' {
            break
        }
        'publik;config;help;help' {
            break
        }
        'publik;state' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Path, schema version, size and row counts per table')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the state into FILE with SQLite''s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Bring the state''s schema up to this publik''s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'SQLite''s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;state;info' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;state;backup' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;state;upgrade' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;state;restore' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;state;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;state;migrate' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The target state (URL or file); refused unless empty')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;state;help' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Path, schema version, size and row counts per table')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the state into FILE with SQLite''s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Bring the state''s schema up to this publik''s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'SQLite''s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;state;help;info' {
            break
        }
        'publik;state;help;backup' {
            break
        }
        'publik;state;help;upgrade' {
            break
        }
        'publik;state;help;restore' {
            break
        }
        'publik;state;help;check' {
            break
        }
        'publik;state;help;migrate' {
            break
        }
        'publik;state;help;help' {
            break
        }
        'publik;enqueue' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Queue an email (body and attachments stored once, one row per recipient)')
            [CompletionResult]::new('sms', 'sms', [CompletionResultType]::ParameterValue, 'Queue an SMS: numbers normalized to E.164, one row per number')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;enqueue;email' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Recipient (To:), `addr@example.org` or `Name <addr@example.org>`; repeatable')
            [CompletionResult]::new('--cc', '--cc', [CompletionResultType]::ParameterName, 'Copy recipient (Cc:); repeatable')
            [CompletionResult]::new('--bcc', '--bcc', [CompletionResultType]::ParameterName, 'Hidden recipient; repeatable')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Subject line')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Plain-text body file, or - for standard input')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'HTML body file (sent as multipart/alternative with the text)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attachment, FILE or FILE;type=MIME; repeatable')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From: [default: the config''s email.from]')
            [CompletionResult]::new('--reply-to', '--reply-to', [CompletionResultType]::ParameterName, 'Reply-To: address')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra header NAME:VALUE; repeatable')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Order in the queue: high is sent before normal, normal before low')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Do not send before this time (RFC 3339 or local "YYYY-MM-DD HH:MM")')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'Give up (status failed) if not sent within this long, e.g. 24h')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Free label for `queue list --tag`')
            [CompletionResult]::new('--invite', '--invite', [CompletionResultType]::ParameterName, 'Send this calendar (METHOD:REQUEST or CANCEL) as an invitation (iMIP)')
            [CompletionResult]::new('--invite-booking', '--invite-booking', [CompletionResultType]::ParameterName, 'Build the invitation from an agenda booking JSON (as gen-ics --booking); each recipient is the ATTENDEE, email.organizer the ORGANIZER')
            [CompletionResult]::new('--invite-uid', '--invite-uid', [CompletionResultType]::ParameterName, 'UID of the appointment, to reschedule or cancel one sent before')
            [CompletionResult]::new('--invite-method', '--invite-method', [CompletionResultType]::ParameterName, 'request (new or moved appointment) or cancel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;enqueue;sms' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Phone number (06 12 34 56 78, +33612345678, ...); repeatable')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Message text')
            [CompletionResult]::new('--text-file', '--text-file', [CompletionResultType]::ParameterName, 'Message text from a file')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Do not send before this time')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'Give up if not sent within this long')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A label to find the messages by (queue list --tag)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;enqueue;help' {
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Queue an email (body and attachments stored once, one row per recipient)')
            [CompletionResult]::new('sms', 'sms', [CompletionResultType]::ParameterValue, 'Queue an SMS: numbers normalized to E.164, one row per number')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;enqueue;help;email' {
            break
        }
        'publik;enqueue;help;sms' {
            break
        }
        'publik;enqueue;help;help' {
            break
        }
        'publik;send-queue' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Handle at most N messages')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel; repeatable [default: all]')
            [CompletionResult]::new('--time-limit', '--time-limit', [CompletionResultType]::ParameterName, 'Stop claiming new messages after this long, e.g. 50s')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only these messages (pending or error), now whatever their schedule (postqueue -i); repeatable, `-` reads ids from standard input')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;retry-queue' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Handle at most N messages')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel; repeatable [default: all]')
            [CompletionResult]::new('--time-limit', '--time-limit', [CompletionResultType]::ParameterName, 'Stop claiming new messages after this long, e.g. 50s')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only these messages (pending or error), now whatever their schedule (postqueue -i); repeatable, `-` reads ids from standard input')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List messages (oldest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One message: recipients, headers, body preview, attachments, history')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count per channel and status, age of the oldest pending message')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Put messages back to pending (attempts start again; the history keeps them)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel pending or error messages')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold pending or error messages: no run sends them until released (postsuper -h)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release held messages back to pending, attempts starting again (postsuper -H)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete messages and their history, in any status but sending (postsuper -d)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete finished messages (and their history) older than a duration')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;queue;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only these statuses (repeatable or comma-separated)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only this recipient')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only messages with this tag')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only messages created within this long, e.g. 24h')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N messages, 0 for all [default: 100 in a table, all with --json or --json-lines]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json-lines', '--json-lines', [CompletionResultType]::ParameterName, 'One JSON object a line, written as the rows are read (postqueue -j)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;stats' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'table (or JSON with --json), or openmetrics for Prometheus and node_exporter''s textfile collector')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;check' {
            [CompletionResult]::new('--warn-age', '--warn-age', [CompletionResultType]::ParameterName, 'WARNING when a due message has waited this long')
            [CompletionResult]::new('--crit-age', '--crit-age', [CompletionResultType]::ParameterName, 'CRITICAL when a due message has waited this long')
            [CompletionResult]::new('--warn-failed', '--warn-failed', [CompletionResultType]::ParameterName, 'WARNING from this many messages failed in the last 24 hours')
            [CompletionResult]::new('--crit-failed', '--crit-failed', [CompletionResultType]::ParameterName, 'CRITICAL from this many messages failed in the last 24 hours')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;requeue' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Every message in this status (error, failed or cancelled)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;cancel' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;hold' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Every message in this status (pending or error)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;release' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;delete' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;purge' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete the messages finished longer ago than this, e.g. 90d')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Statuses to purge [default: sent,delivered,failed,cancelled]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;queue;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List messages (oldest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One message: recipients, headers, body preview, attachments, history')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count per channel and status, age of the oldest pending message')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Put messages back to pending (attempts start again; the history keeps them)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel pending or error messages')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold pending or error messages: no run sends them until released (postsuper -h)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release held messages back to pending, attempts starting again (postsuper -H)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete messages and their history, in any status but sending (postsuper -d)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete finished messages (and their history) older than a duration')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;queue;help;list' {
            break
        }
        'publik;queue;help;show' {
            break
        }
        'publik;queue;help;stats' {
            break
        }
        'publik;queue;help;check' {
            break
        }
        'publik;queue;help;requeue' {
            break
        }
        'publik;queue;help;cancel' {
            break
        }
        'publik;queue;help;hold' {
            break
        }
        'publik;queue;help;release' {
            break
        }
        'publik;queue;help;delete' {
            break
        }
        'publik;queue;help;purge' {
            break
        }
        'publik;queue;help;help' {
            break
        }
        'publik;sms' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Record a provider''s delivery receipt (the only way to `delivered`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;sms;receipt' {
            [CompletionResult]::new('--provider-id', '--provider-id', [CompletionResultType]::ParameterName, 'The provider''s message id, as stored when the SMS was sent')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'What the provider says became of the SMS')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the provider says it happened [default: now]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;sms;help' {
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Record a provider''s delivery receipt (the only way to `delivered`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;sms;help;receipt' {
            break
        }
        'publik;sms;help;help' {
            break
        }
        'publik;group' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List groups with their member counts')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add members by address (already present: ignored)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove members')
            [CompletionResult]::new('members', 'members', [CompletionResultType]::ParameterValue, 'List a group''s members')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Unsubscribe the member an unsubscribe link was sent to')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;group;create' {
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'The group''s name, as shown to subscribers')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;group;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;group;add' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;group;import' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Import the good lines and report the bad ones (default: a bad line imports nothing)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;group;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;group;members' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only members in this status')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;group;unsubscribe' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The token of the link (it may start with "-")')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;group;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List groups with their member counts')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add members by address (already present: ignored)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove members')
            [CompletionResult]::new('members', 'members', [CompletionResultType]::ParameterValue, 'List a group''s members')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Unsubscribe the member an unsubscribe link was sent to')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;group;help;create' {
            break
        }
        'publik;group;help;list' {
            break
        }
        'publik;group;help;add' {
            break
        }
        'publik;group;help;import' {
            break
        }
        'publik;group;help;remove' {
            break
        }
        'publik;group;help;members' {
            break
        }
        'publik;group;help;unsubscribe' {
            break
        }
        'publik;group;help;help' {
            break
        }
        'publik;template' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or replace) a template; syntax errors and unknown filters are reported now')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List templates')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a template''s source')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Preview a template for one recipient')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;template;add' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The subject line (a template too)')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Plain-text part')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'HTML part (auto-escaped)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;template;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;template;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;template;render' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The recipient to render it for (a group member''s attributes if any)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'Template variable KEY=VALUE; repeatable')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;template;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or replace) a template; syntax errors and unknown filters are reported now')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List templates')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a template''s source')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Preview a template for one recipient')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;template;help;add' {
            break
        }
        'publik;template;help;list' {
            break
        }
        'publik;template;help;show' {
            break
        }
        'publik;template;help;render' {
            break
        }
        'publik;template;help;help' {
            break
        }
        'publik;newsletter' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Queue one email per active member (one transaction), each with its own unsubscribe link')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;newsletter;send' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The template to send (its name)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group whose active members get it (its short name)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'Template variable KEY=VALUE; repeatable')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Do not send before this time')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;newsletter;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Queue one email per active member (one transaction), each with its own unsubscribe link')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;newsletter;help;send' {
            break
        }
        'publik;newsletter;help;help' {
            break
        }
        'publik;gen-ics' {
            [CompletionResult]::new('--booking', '--booking', [CompletionResultType]::ParameterName, 'The agenda''s booking JSON (label, user_display_label, user_name or user_first_name + user_last_name, user_email, datetime, end_datetime, extra_data.{description,location,url,comment}); - for stdin. Flags override it')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start, "YYYY-MM-DD HH:MM" in --tz, or RFC 3339')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'End, like --start')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Length instead of --end, e.g. 30m')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Zone of times given without an offset [default: the config''s ics.timezone]')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'The event''s title (SUMMARY)')
            [CompletionResult]::new('--user-display-label', '--user-display-label', [CompletionResultType]::ParameterName, 'Summary shown to the user (preferred over --label)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The event''s text (DESCRIPTION)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Where it happens (LOCATION)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A page about the appointment (URL)')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A note for the attendee (COMMENT)')
            [CompletionResult]::new('--user-name', '--user-name', [CompletionResultType]::ParameterName, 'Attendee''s name (CN)')
            [CompletionResult]::new('--user-email', '--user-email', [CompletionResultType]::ParameterName, 'The attendee''s address (ATTENDEE)')
            [CompletionResult]::new('--organizer', '--organizer', [CompletionResultType]::ParameterName, '"Name <addr>" [default: the config''s email.organizer]')
            [CompletionResult]::new('--uid', '--uid', [CompletionResultType]::ParameterName, 'The appointment''s UID (to reschedule or cancel it) [default: a new one]')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'publish: an event to add; request: an invitation; cancel: the event is called off')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output file [default: stdout]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output file [default: stdout]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;feed-mail-maarch' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Take at most N mails [default: maarch.batch]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be harvested; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;mail' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List harvested mail')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One mail: Maarch''s metadata, local status, linked form')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Save a mail''s scanned document')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Tell Maarch a request was created for the mail (external id and link, status_sent)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Tell Maarch the mail is not for the platform (status_refused)')
            [CompletionResult]::new('respond', 'respond', [CompletionResultType]::ParameterValue, 'Tell Maarch the platform answered (status_response, the content as history message)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;mail;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only mail in this status')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;mail;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;mail;file' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the scanned document')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the scanned document')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;mail;link' {
            [CompletionResult]::new('--form-number', '--form-number', [CompletionResultType]::ParameterName, 'The w.c.s. form''s number')
            [CompletionResult]::new('--form-url', '--form-url', [CompletionResultType]::ParameterName, 'The w.c.s. form''s URL')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the form already linked (Maarch keeps one external id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;mail;reject' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'History message in Maarch')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;mail;respond' {
            [CompletionResult]::new('--mail-id', '--mail-id', [CompletionResultType]::ParameterName, 'The mail''s external id, e.g. maarch-12')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'The answer''s text')
            [CompletionResult]::new('--content-file', '--content-file', [CompletionResultType]::ParameterName, 'The answer''s text, from a file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;mail;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List harvested mail')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One mail: Maarch''s metadata, local status, linked form')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Save a mail''s scanned document')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Tell Maarch a request was created for the mail (external id and link, status_sent)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Tell Maarch the mail is not for the platform (status_refused)')
            [CompletionResult]::new('respond', 'respond', [CompletionResultType]::ParameterValue, 'Tell Maarch the platform answered (status_response, the content as history message)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;mail;help;list' {
            break
        }
        'publik;mail;help;show' {
            break
        }
        'publik;mail;help;file' {
            break
        }
        'publik;mail;help;link' {
            break
        }
        'publik;mail;help;reject' {
            break
        }
        'publik;mail;help;respond' {
            break
        }
        'publik;mail;help;help' {
            break
        }
        'publik;vapid' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the public key of the configured private key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;vapid;generate' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Private key file [default: the config''s webpush.private_key_file]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;vapid;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;vapid;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the public key of the configured private key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;vapid;help;generate' {
            break
        }
        'publik;vapid;help;show' {
            break
        }
        'publik;vapid;help;help' {
            break
        }
        'publik;push' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Save a browser''s PushSubscription.toJSON() for a user (the same endpoint is stored once)')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Remove a user''s subscription (one endpoint, or all)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'A token naming a user, for the site''s page that subscribes the user''s browser through publik serve''s POST /push/subscribe/?token=TOKEN')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscriptions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;push;subscribe' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user the subscription belongs to')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'The subscription JSON file [default: stdin]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;push;unsubscribe' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user whose subscriptions to remove')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Only the subscription of this endpoint')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every subscription of the user')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;push;token' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user the token names')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the page may use it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;push;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user''s subscriptions')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;push;help' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Save a browser''s PushSubscription.toJSON() for a user (the same endpoint is stored once)')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Remove a user''s subscription (one endpoint, or all)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'A token naming a user, for the site''s page that subscribes the user''s browser through publik serve''s POST /push/subscribe/?token=TOKEN')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscriptions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;push;help;subscribe' {
            break
        }
        'publik;push;help;unsubscribe' {
            break
        }
        'publik;push;help;token' {
            break
        }
        'publik;push;help;list' {
            break
        }
        'publik;push;help;help' {
            break
        }
        'publik;notify' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user whose devices get it')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The notification''s title')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The notification''s text')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Page opened when the notification is clicked')
            [CompletionResult]::new('--icon', '--icon', [CompletionResultType]::ParameterName, 'An icon to show with it')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Replaces an earlier notification with the same tag (also the push Topic)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'A button, ID:LABEL; repeatable')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the push service keeps it for an offline device [default: webpush.ttl]')
            [CompletionResult]::new('--urgency', '--urgency', [CompletionResultType]::ParameterName, 'How soon the device should wake for it (the push Urgency header)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;send-webpush' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Send at most this many notifications')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'Do not send notifications older than this [default: webpush.max_age]')
            [CompletionResult]::new('--time-limit', '--time-limit', [CompletionResultType]::ParameterName, 'Stop taking notifications after this long (those in hand are finished)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent; send nothing, change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;bounce' {
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'The address the bounce was delivered to (Postfix: ${original_recipient})')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;fetch-bounces' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Read at most N messages this run')
            [CompletionResult]::new('--time-limit', '--time-limit', [CompletionResultType]::ParameterName, 'The run''s deadline, e.g. 2m: no message is read after it, and a command still under way then is cut (exit 75)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on [default: the config''s serve.listen]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;workflow' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Validate and store a workflow YAML file (replaces one of the same name)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List workflows')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a workflow''s statuses, jumps and actions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;workflow;import' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;workflow;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;workflow;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;workflow;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Validate and store a workflow YAML file (replaces one of the same name)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List workflows')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a workflow''s statuses, jumps and actions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;workflow;help;import' {
            break
        }
        'publik;workflow;help;list' {
            break
        }
        'publik;workflow;help;show' {
            break
        }
        'publik;workflow;help;help' {
            break
        }
        'publik;form' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a form: it gets a number, enters the initial status, runs its actions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List forms')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A form: data, status, offered jumps, full history')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a form and its history (its action links then say so)')
            [CompletionResult]::new('jump', 'jump', [CompletionResultType]::ParameterValue, 'Run a jump the form''s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.''s trigger jumps), each in its own transaction')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;form;create' {
            [CompletionResult]::new('--workflow', '--workflow', [CompletionResultType]::ParameterName, 'The workflow the form follows (its name)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The form''s title, as shown to agents')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'KEY=VALUE; repeatable')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The citizen who filed it (the user name push notifications go to)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The citizen''s email address (the workflow''s emails go there)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;form;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only forms in this status')
            [CompletionResult]::new('--workflow', '--workflow', [CompletionResultType]::ParameterName, 'Only forms of this workflow')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;form;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;form;delete' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;form;jump' {
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who acts, named in the history [default: form-jump[PID]]')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data the jump carries, KEY=VALUE; repeatable')
            [CompletionResult]::new('--workflow', '--workflow', [CompletionResultType]::ParameterName, 'Every form of this workflow...')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, '... in this status ...')
            [CompletionResult]::new('--trigger', '--trigger', [CompletionResultType]::ParameterName, '... takes this jump')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only forms whose data has FIELD=VALUE; repeatable')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only forms in the status for longer than this (e.g. 30d)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say which forms would jump; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;form;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a form: it gets a number, enters the initial status, runs its actions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List forms')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A form: data, status, offered jumps, full history')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a form and its history (its action links then say so)')
            [CompletionResult]::new('jump', 'jump', [CompletionResultType]::ParameterValue, 'Run a jump the form''s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.''s trigger jumps), each in its own transaction')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;form;help;create' {
            break
        }
        'publik;form;help;list' {
            break
        }
        'publik;form;help;show' {
            break
        }
        'publik;form;help;delete' {
            break
        }
        'publik;form;help;jump' {
            break
        }
        'publik;form;help;help' {
            break
        }
        'publik;issue-action-token' {
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'The form''s number')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'The jump, offered by the form''s current status')
            [CompletionResult]::new('--wcs-form', '--wcs-form', [CompletionResultType]::ParameterName, 'A form of a remote w.c.s. (under a wcs.services url): the link runs its trigger there')
            [CompletionResult]::new('--trigger', '--trigger', [CompletionResultType]::ParameterName, 'The w.c.s. jump trigger the link runs (with --wcs-form)')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime: days as a bare number (as w.c.s.), or 90m, 12h, 7d; at most 365 days [default: 3]')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Who the link is for (named in the history when used)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Button label on the confirmation page [default: the jump''s label]')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Text of the confirmation page [default: "Please confirm action."]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;run-jump' {
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who acts [default: the link''s recipient]')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data the jump carries, KEY=VALUE (e.g. comment=...); repeatable')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;purge-tokens' {
            [CompletionResult]::new('--used-before', '--used-before', [CompletionResultType]::ParameterName, 'Keep used links this long after their use')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Output directory')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;tenant' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the sites')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a site: its directory, a commented publik.yaml and its state')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check every site''s config (the main one merged with the site''s); exit 65 if one is bad')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;tenant;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;tenant;add' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'The site''s state in a PostgreSQL database (an empty one, made ready now) instead of publik.sqlite3 in its directory')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;tenant;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file (SQLite) [default: $PUBLIK_STATE, the config''s `state:`, ./publik.sqlite3]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Work on one site of a multi-site installation (its directory in the tenants directory)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Sites at once with --all-tenants [default: the number of cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable JSON output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v: info, -vv: debug)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No logs at all (errors are still printed)')
            [CompletionResult]::new('--all-tenants', '--all-tenants', [CompletionResultType]::ParameterName, 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'publik;tenant;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the sites')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a site: its directory, a commented publik.yaml and its state')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check every site''s config (the main one merged with the site''s); exit 65 if one is bad')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;tenant;help;list' {
            break
        }
        'publik;tenant;help;add' {
            break
        }
        'publik;tenant;help;check' {
            break
        }
        'publik;tenant;help;help' {
            break
        }
        'publik;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented publik.yaml (every key with its default), create the state file and the link key')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Check the config file')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Look at, back up, check and migrate the state')
            [CompletionResult]::new('enqueue', 'enqueue', [CompletionResultType]::ParameterValue, 'Queue a message: one row per recipient; prints the new row ids')
            [CompletionResult]::new('send-queue', 'send-queue', [CompletionResultType]::ParameterValue, 'Send pending messages whose time has come (the cron job)')
            [CompletionResult]::new('retry-queue', 'retry-queue', [CompletionResultType]::ParameterValue, 'Send again the messages in error whose backoff has passed')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Inspect and fix the send queue')
            [CompletionResult]::new('sms', 'sms', [CompletionResultType]::ParameterValue, 'SMS delivery receipts')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Subscriber groups for newsletters')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Message templates (minijinja, Django-like syntax)')
            [CompletionResult]::new('newsletter', 'newsletter', [CompletionResultType]::ParameterValue, 'Send a template to every active member of a group')
            [CompletionResult]::new('gen-ics', 'gen-ics', [CompletionResultType]::ParameterValue, 'Write an RFC 5545 calendar event for an appointment (stdout or -o FILE)')
            [CompletionResult]::new('feed-mail-maarch', 'feed-mail-maarch', [CompletionResultType]::ParameterValue, 'Harvest the scanned mail Maarch Courrier holds in maarch.status_grc')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Mail harvested from Maarch, and reports of its fate back to Maarch')
            [CompletionResult]::new('vapid', 'vapid', [CompletionResultType]::ParameterValue, 'VAPID keys for Web Push (RFC 8292)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Web Push subscriptions (one per user and device)')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Queue a Web Push notification to every device of a user')
            [CompletionResult]::new('send-webpush', 'send-webpush', [CompletionResultType]::ParameterValue, 'Send queued Web Push notifications (same as send-queue --channel push)')
            [CompletionResult]::new('bounce', 'bounce', [CompletionResultType]::ParameterValue, 'Read one bounce (a delivery status notification) and fail the message it is about')
            [CompletionResult]::new('fetch-bounces', 'fetch-bounces', [CompletionResultType]::ParameterValue, 'Read the bounce mailbox (email.bounce_mailbox, IMAP) and handle each bounce')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve publik''s landing pages (action links, unsubscribe links) behind the site''s reverse proxy')
            [CompletionResult]::new('workflow', 'workflow', [CompletionResultType]::ParameterValue, 'Workflows: statuses, manual jumps, actions on entering a status')
            [CompletionResult]::new('form', 'form', [CompletionResultType]::ParameterValue, 'Forms: citizens'' requests moving through a workflow')
            [CompletionResult]::new('issue-action-token', 'issue-action-token', [CompletionResultType]::ParameterValue, 'Print an action link (URL) that runs a form''s jump once, for scripts and other senders')
            [CompletionResult]::new('run-jump', 'run-jump', [CompletionResultType]::ParameterValue, 'Run the jump an action link names (the same checks as its web page)')
            [CompletionResult]::new('purge-tokens', 'purge-tokens', [CompletionResultType]::ParameterValue, 'Delete the action links that can no longer act (the nightly cron job)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages, one per command (publik.1, publik-send-queue.1, ...), and publik.yaml.5')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'The sites of this installation (one directory each in the tenants directory)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'publik;help;init' {
            break
        }
        'publik;help;config' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Load and validate the config; print the effective settings (secrets masked)')
            break
        }
        'publik;help;config;check' {
            break
        }
        'publik;help;state' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Path, schema version, size and row counts per table')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the state into FILE with SQLite''s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Bring the state''s schema up to this publik''s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'SQLite''s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only')
            break
        }
        'publik;help;state;info' {
            break
        }
        'publik;help;state;backup' {
            break
        }
        'publik;help;state;upgrade' {
            break
        }
        'publik;help;state;restore' {
            break
        }
        'publik;help;state;check' {
            break
        }
        'publik;help;state;migrate' {
            break
        }
        'publik;help;enqueue' {
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Queue an email (body and attachments stored once, one row per recipient)')
            [CompletionResult]::new('sms', 'sms', [CompletionResultType]::ParameterValue, 'Queue an SMS: numbers normalized to E.164, one row per number')
            break
        }
        'publik;help;enqueue;email' {
            break
        }
        'publik;help;enqueue;sms' {
            break
        }
        'publik;help;send-queue' {
            break
        }
        'publik;help;retry-queue' {
            break
        }
        'publik;help;queue' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List messages (oldest first)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One message: recipients, headers, body preview, attachments, history')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count per channel and status, age of the oldest pending message')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Put messages back to pending (attempts start again; the history keeps them)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel pending or error messages')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Hold pending or error messages: no run sends them until released (postsuper -h)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release held messages back to pending, attempts starting again (postsuper -H)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete messages and their history, in any status but sending (postsuper -d)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete finished messages (and their history) older than a duration')
            break
        }
        'publik;help;queue;list' {
            break
        }
        'publik;help;queue;show' {
            break
        }
        'publik;help;queue;stats' {
            break
        }
        'publik;help;queue;check' {
            break
        }
        'publik;help;queue;requeue' {
            break
        }
        'publik;help;queue;cancel' {
            break
        }
        'publik;help;queue;hold' {
            break
        }
        'publik;help;queue;release' {
            break
        }
        'publik;help;queue;delete' {
            break
        }
        'publik;help;queue;purge' {
            break
        }
        'publik;help;sms' {
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Record a provider''s delivery receipt (the only way to `delivered`)')
            break
        }
        'publik;help;sms;receipt' {
            break
        }
        'publik;help;group' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List groups with their member counts')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add members by address (already present: ignored)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove members')
            [CompletionResult]::new('members', 'members', [CompletionResultType]::ParameterValue, 'List a group''s members')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Unsubscribe the member an unsubscribe link was sent to')
            break
        }
        'publik;help;group;create' {
            break
        }
        'publik;help;group;list' {
            break
        }
        'publik;help;group;add' {
            break
        }
        'publik;help;group;import' {
            break
        }
        'publik;help;group;remove' {
            break
        }
        'publik;help;group;members' {
            break
        }
        'publik;help;group;unsubscribe' {
            break
        }
        'publik;help;template' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add (or replace) a template; syntax errors and unknown filters are reported now')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List templates')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a template''s source')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Preview a template for one recipient')
            break
        }
        'publik;help;template;add' {
            break
        }
        'publik;help;template;list' {
            break
        }
        'publik;help;template;show' {
            break
        }
        'publik;help;template;render' {
            break
        }
        'publik;help;newsletter' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Queue one email per active member (one transaction), each with its own unsubscribe link')
            break
        }
        'publik;help;newsletter;send' {
            break
        }
        'publik;help;gen-ics' {
            break
        }
        'publik;help;feed-mail-maarch' {
            break
        }
        'publik;help;mail' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List harvested mail')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One mail: Maarch''s metadata, local status, linked form')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Save a mail''s scanned document')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Tell Maarch a request was created for the mail (external id and link, status_sent)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Tell Maarch the mail is not for the platform (status_refused)')
            [CompletionResult]::new('respond', 'respond', [CompletionResultType]::ParameterValue, 'Tell Maarch the platform answered (status_response, the content as history message)')
            break
        }
        'publik;help;mail;list' {
            break
        }
        'publik;help;mail;show' {
            break
        }
        'publik;help;mail;file' {
            break
        }
        'publik;help;mail;link' {
            break
        }
        'publik;help;mail;reject' {
            break
        }
        'publik;help;mail;respond' {
            break
        }
        'publik;help;vapid' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the public key of the configured private key')
            break
        }
        'publik;help;vapid;generate' {
            break
        }
        'publik;help;vapid;show' {
            break
        }
        'publik;help;push' {
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Save a browser''s PushSubscription.toJSON() for a user (the same endpoint is stored once)')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Remove a user''s subscription (one endpoint, or all)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'A token naming a user, for the site''s page that subscribes the user''s browser through publik serve''s POST /push/subscribe/?token=TOKEN')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscriptions')
            break
        }
        'publik;help;push;subscribe' {
            break
        }
        'publik;help;push;unsubscribe' {
            break
        }
        'publik;help;push;token' {
            break
        }
        'publik;help;push;list' {
            break
        }
        'publik;help;notify' {
            break
        }
        'publik;help;send-webpush' {
            break
        }
        'publik;help;bounce' {
            break
        }
        'publik;help;fetch-bounces' {
            break
        }
        'publik;help;serve' {
            break
        }
        'publik;help;workflow' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Validate and store a workflow YAML file (replaces one of the same name)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List workflows')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a workflow''s statuses, jumps and actions')
            break
        }
        'publik;help;workflow;import' {
            break
        }
        'publik;help;workflow;list' {
            break
        }
        'publik;help;workflow;show' {
            break
        }
        'publik;help;form' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a form: it gets a number, enters the initial status, runs its actions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List forms')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A form: data, status, offered jumps, full history')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a form and its history (its action links then say so)')
            [CompletionResult]::new('jump', 'jump', [CompletionResultType]::ParameterValue, 'Run a jump the form''s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.''s trigger jumps), each in its own transaction')
            break
        }
        'publik;help;form;create' {
            break
        }
        'publik;help;form;list' {
            break
        }
        'publik;help;form;show' {
            break
        }
        'publik;help;form;delete' {
            break
        }
        'publik;help;form;jump' {
            break
        }
        'publik;help;issue-action-token' {
            break
        }
        'publik;help;run-jump' {
            break
        }
        'publik;help;purge-tokens' {
            break
        }
        'publik;help;completions' {
            break
        }
        'publik;help;man' {
            break
        }
        'publik;help;tenant' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the sites')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a site: its directory, a commented publik.yaml and its state')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check every site''s config (the main one merged with the site''s); exit 65 if one is bad')
            break
        }
        'publik;help;tenant;list' {
            break
        }
        'publik;help;tenant;add' {
            break
        }
        'publik;help;tenant;check' {
            break
        }
        'publik;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
