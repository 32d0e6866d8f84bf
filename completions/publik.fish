# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_publik_global_optspecs
    string join \n config= state= json v/verbose q/quiet tenant= all-tenants jobs= h/help V/version
end

function __fish_publik_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_publik_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_publik_using_subcommand
    set -l cmd (__fish_publik_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c publik -n "__fish_publik_needs_command" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_needs_command" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_needs_command" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_needs_command" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_needs_command" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_needs_command" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_needs_command" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_needs_command" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_needs_command" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_needs_command" -f -a "init" -d 'Write a commented publik.yaml (every key with its default), create the state file and the link key'
complete -c publik -n "__fish_publik_needs_command" -f -a "config" -d 'Check the config file'
complete -c publik -n "__fish_publik_needs_command" -f -a "state" -d 'Look at, back up, check and migrate the state'
complete -c publik -n "__fish_publik_needs_command" -f -a "enqueue" -d 'Queue a message: one row per recipient; prints the new row ids'
complete -c publik -n "__fish_publik_needs_command" -f -a "send-queue" -d 'Send pending messages whose time has come (the cron job)'
complete -c publik -n "__fish_publik_needs_command" -f -a "retry-queue" -d 'Send again the messages in error whose backoff has passed'
complete -c publik -n "__fish_publik_needs_command" -f -a "queue" -d 'Inspect and fix the send queue'
complete -c publik -n "__fish_publik_needs_command" -f -a "sms" -d 'SMS delivery receipts'
complete -c publik -n "__fish_publik_needs_command" -f -a "group" -d 'Subscriber groups for newsletters'
complete -c publik -n "__fish_publik_needs_command" -f -a "template" -d 'Message templates (minijinja, Django-like syntax)'
complete -c publik -n "__fish_publik_needs_command" -f -a "newsletter" -d 'Send a template to every active member of a group'
complete -c publik -n "__fish_publik_needs_command" -f -a "gen-ics" -d 'Write an RFC 5545 calendar event for an appointment (stdout or -o FILE)'
complete -c publik -n "__fish_publik_needs_command" -f -a "feed-mail-maarch" -d 'Harvest the scanned mail Maarch Courrier holds in maarch.status_grc'
complete -c publik -n "__fish_publik_needs_command" -f -a "mail" -d 'Mail harvested from Maarch, and reports of its fate back to Maarch'
complete -c publik -n "__fish_publik_needs_command" -f -a "vapid" -d 'VAPID keys for Web Push (RFC 8292)'
complete -c publik -n "__fish_publik_needs_command" -f -a "push" -d 'Web Push subscriptions (one per user and device)'
complete -c publik -n "__fish_publik_needs_command" -f -a "notify" -d 'Queue a Web Push notification to every device of a user'
complete -c publik -n "__fish_publik_needs_command" -f -a "send-webpush" -d 'Send queued Web Push notifications (same as send-queue --channel push)'
complete -c publik -n "__fish_publik_needs_command" -f -a "bounce" -d 'Read one bounce (a delivery status notification) and fail the message it is about'
complete -c publik -n "__fish_publik_needs_command" -f -a "fetch-bounces" -d 'Read the bounce mailbox (email.bounce_mailbox, IMAP) and handle each bounce'
complete -c publik -n "__fish_publik_needs_command" -f -a "serve" -d 'Serve publik\'s landing pages (action links, unsubscribe links) behind the site\'s reverse proxy'
complete -c publik -n "__fish_publik_needs_command" -f -a "workflow" -d 'Workflows: statuses, manual jumps, actions on entering a status'
complete -c publik -n "__fish_publik_needs_command" -f -a "form" -d 'Forms: citizens\' requests moving through a workflow'
complete -c publik -n "__fish_publik_needs_command" -f -a "issue-action-token" -d 'Print an action link (URL) that runs a form\'s jump once, for scripts and other senders'
complete -c publik -n "__fish_publik_needs_command" -f -a "run-jump" -d 'Run the jump an action link names (the same checks as its web page)'
complete -c publik -n "__fish_publik_needs_command" -f -a "purge-tokens" -d 'Delete the action links that can no longer act (the nightly cron job)'
complete -c publik -n "__fish_publik_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c publik -n "__fish_publik_needs_command" -f -a "man" -d 'Write man pages, one per command (publik.1, publik-send-queue.1, ...), and publik.yaml.5'
complete -c publik -n "__fish_publik_needs_command" -f -a "tenant" -d 'The sites of this installation (one directory each in the tenants directory)'
complete -c publik -n "__fish_publik_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand init" -l dir -d 'Directory for publik.yaml (and publik.sqlite3 unless --state is given)' -r -F
complete -c publik -n "__fish_publik_using_subcommand init" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand init" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand init" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand init" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand init" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand init" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand init" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand init" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand init" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand init" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Load and validate the config; print the effective settings (secrets masked)'
complete -c publik -n "__fish_publik_using_subcommand config; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -l connect -d 'Also connect to each configured server (SMTP, ...); exit 75 if one is down'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Load and validate the config; print the effective settings (secrets masked)'
complete -c publik -n "__fish_publik_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -f -a "info" -d 'Path, schema version, size and row counts per table'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -f -a "backup" -d 'Copy the state into FILE with SQLite\'s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -f -a "upgrade" -d 'Bring the state\'s schema up to this publik\'s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -f -a "restore" -d 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -f -a "check" -d 'SQLite\'s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -f -a "migrate" -d 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only'
complete -c publik -n "__fish_publik_using_subcommand state; and not __fish_seen_subcommand_from info backup upgrade restore check migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from upgrade" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -l to -d 'The target state (URL or file); refused unless empty' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "info" -d 'Path, schema version, size and row counts per table'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Copy the state into FILE with SQLite\'s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "upgrade" -d 'Bring the state\'s schema up to this publik\'s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "check" -d 'SQLite\'s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only'
complete -c publik -n "__fish_publik_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -f -a "email" -d 'Queue an email (body and attachments stored once, one row per recipient)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -f -a "sms" -d 'Queue an SMS: numbers normalized to E.164, one row per number'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and not __fish_seen_subcommand_from email sms help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l to -d 'Recipient (To:), `addr@example.org` or `Name <addr@example.org>`; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l cc -d 'Copy recipient (Cc:); repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l bcc -d 'Hidden recipient; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l subject -d 'Subject line' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l text -d 'Plain-text body file, or - for standard input' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l html -d 'HTML body file (sent as multipart/alternative with the text)' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l attach -d 'Attachment, FILE or FILE;type=MIME; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l from -d 'From: [default: the config\'s email.from]' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l reply-to -d 'Reply-To: address' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l header -d 'Extra header NAME:VALUE; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l priority -d 'Order in the queue: high is sent before normal, normal before low' -r -f -a "high\t''
normal\t''
low\t''"
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l not-before -d 'Do not send before this time (RFC 3339 or local "YYYY-MM-DD HH:MM")' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l expires-in -d 'Give up (status failed) if not sent within this long, e.g. 24h' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l tag -d 'Free label for `queue list --tag`' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l invite -d 'Send this calendar (METHOD:REQUEST or CANCEL) as an invitation (iMIP)' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l invite-booking -d 'Build the invitation from an agenda booking JSON (as gen-ics --booking); each recipient is the ATTENDEE, email.organizer the ORGANIZER' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l invite-uid -d 'UID of the appointment, to reschedule or cancel one sent before' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l invite-method -d 'request (new or moved appointment) or cancel' -r -f -a "publish\t'A plain calendar file (no scheduling)'
request\t'An invitation (iMIP): needs an organizer'
cancel\t'Cancels an appointment generated before (same UID)'"
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from email" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l to -d 'Phone number (06 12 34 56 78, +33612345678, ...); repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l text -d 'Message text' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l text-file -d 'Message text from a file' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l not-before -d 'Do not send before this time' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l expires-in -d 'Give up if not sent within this long' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l tag -d 'A label to find the messages by (queue list --tag)' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from sms" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from help" -f -a "email" -d 'Queue an email (body and attachments stored once, one row per recipient)'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from help" -f -a "sms" -d 'Queue an SMS: numbers normalized to E.164, one row per number'
complete -c publik -n "__fish_publik_using_subcommand enqueue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l limit -d 'Handle at most N messages' -r
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l channel -d 'Only this channel; repeatable [default: all]' -r -f -a "email\t''
sms\t''
maarch\t'Reports back to Maarch Courrier (status changes, external ids)'
push\t'Web Push notifications'"
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l time-limit -d 'Stop claiming new messages after this long, e.g. 50s' -r
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l id -d 'Only these messages (pending or error), now whatever their schedule (postqueue -i); repeatable, `-` reads ids from standard input' -r
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l dry-run -d 'Show what would be sent; change nothing'
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand send-queue" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand send-queue" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand send-queue" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand send-queue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand send-queue" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l limit -d 'Handle at most N messages' -r
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l channel -d 'Only this channel; repeatable [default: all]' -r -f -a "email\t''
sms\t''
maarch\t'Reports back to Maarch Courrier (status changes, external ids)'
push\t'Web Push notifications'"
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l time-limit -d 'Stop claiming new messages after this long, e.g. 50s' -r
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l id -d 'Only these messages (pending or error), now whatever their schedule (postqueue -i); repeatable, `-` reads ids from standard input' -r
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l dry-run -d 'Show what would be sent; change nothing'
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand retry-queue" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "list" -d 'List messages (oldest first)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "show" -d 'One message: recipients, headers, body preview, attachments, history'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "stats" -d 'Count per channel and status, age of the oldest pending message'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "check" -d 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "requeue" -d 'Put messages back to pending (attempts start again; the history keeps them)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "cancel" -d 'Cancel pending or error messages'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "hold" -d 'Hold pending or error messages: no run sends them until released (postsuper -h)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "release" -d 'Release held messages back to pending, attempts starting again (postsuper -H)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "delete" -d 'Delete messages and their history, in any status but sending (postsuper -d)'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "purge" -d 'Delete finished messages (and their history) older than a duration'
complete -c publik -n "__fish_publik_using_subcommand queue; and not __fish_seen_subcommand_from list show stats check requeue cancel hold release delete purge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l status -d 'Only these statuses (repeatable or comma-separated)' -r -f -a "pending\t''
sending\t''
sent\t''
error\t''
failed\t''
delivered\t''
cancelled\t''
held\t'Held by the operator (queue hold): not sent until released'"
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l channel -d 'Only this channel' -r -f -a "email\t''
sms\t''
maarch\t'Reports back to Maarch Courrier (status changes, external ids)'
push\t'Web Push notifications'"
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l to -d 'Only this recipient' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l tag -d 'Only messages with this tag' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l since -d 'Only messages created within this long, e.g. 24h' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l limit -d 'At most N messages, 0 for all [default: 100 in a table, all with --json or --json-lines]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l json-lines -d 'One JSON object a line, written as the rows are read (postqueue -j)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -l format -d 'table (or JSON with --json), or openmetrics for Prometheus and node_exporter\'s textfile collector' -r -f -a "table\t''
openmetrics\t''"
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l warn-age -d 'WARNING when a due message has waited this long' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l crit-age -d 'CRITICAL when a due message has waited this long' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l warn-failed -d 'WARNING from this many messages failed in the last 24 hours' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l crit-failed -d 'CRITICAL from this many messages failed in the last 24 hours' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l channel -d 'Only this channel' -r -f -a "email\t''
sms\t''
maarch\t'Reports back to Maarch Courrier (status changes, external ids)'
push\t'Web Push notifications'"
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -l status -d 'Every message in this status (error, failed or cancelled)' -r -f -a "pending\t''
sending\t''
sent\t''
error\t''
failed\t''
delivered\t''
cancelled\t''
held\t'Held by the operator (queue hold): not sent until released'"
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from requeue" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -l status -d 'Every message in this status (pending or error)' -r -f -a "pending\t''
sending\t''
sent\t''
error\t''
failed\t''
delivered\t''
cancelled\t''
held\t'Held by the operator (queue hold): not sent until released'"
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from hold" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from release" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l older-than -d 'Delete the messages finished longer ago than this, e.g. 90d' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l status -d 'Statuses to purge [default: sent,delivered,failed,cancelled]' -r -f -a "pending\t''
sending\t''
sent\t''
error\t''
failed\t''
delivered\t''
cancelled\t''
held\t'Held by the operator (queue hold): not sent until released'"
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "list" -d 'List messages (oldest first)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "show" -d 'One message: recipients, headers, body preview, attachments, history'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Count per channel and status, age of the oldest pending message'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "check" -d 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "requeue" -d 'Put messages back to pending (attempts start again; the history keeps them)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel pending or error messages'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "hold" -d 'Hold pending or error messages: no run sends them until released (postsuper -h)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "release" -d 'Release held messages back to pending, attempts starting again (postsuper -H)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete messages and their history, in any status but sending (postsuper -d)'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete finished messages (and their history) older than a duration'
complete -c publik -n "__fish_publik_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -f -a "receipt" -d 'Record a provider\'s delivery receipt (the only way to `delivered`)'
complete -c publik -n "__fish_publik_using_subcommand sms; and not __fish_seen_subcommand_from receipt help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l provider-id -d 'The provider\'s message id, as stored when the SMS was sent' -r
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l status -d 'What the provider says became of the SMS' -r -f -a "delivered\t''
undelivered\t''
expired\t''"
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l at -d 'When the provider says it happened [default: now]' -r
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from receipt" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from help" -f -a "receipt" -d 'Record a provider\'s delivery receipt (the only way to `delivered`)'
complete -c publik -n "__fish_publik_using_subcommand sms; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "create" -d 'Create a group'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "list" -d 'List groups with their member counts'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "add" -d 'Add members by address (already present: ignored)'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "import" -d 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "remove" -d 'Remove members'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "members" -d 'List a group\'s members'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "unsubscribe" -d 'Unsubscribe the member an unsubscribe link was sent to'
complete -c publik -n "__fish_publik_using_subcommand group; and not __fish_seen_subcommand_from create list add import remove members unsubscribe help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -l label -d 'The group\'s name, as shown to subscribers' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -l skip-invalid -d 'Import the good lines and report the bad ones (default: a bad line imports nothing)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -l status -d 'Only members in this status' -r -f -a "active\t''
unsubscribed\t''
bounced\t''"
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from members" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -l token -d 'The token of the link (it may start with "-")' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from unsubscribe" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a group'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "list" -d 'List groups with their member counts'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add members by address (already present: ignored)'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove members'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "members" -d 'List a group\'s members'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "unsubscribe" -d 'Unsubscribe the member an unsubscribe link was sent to'
complete -c publik -n "__fish_publik_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -f -a "add" -d 'Add (or replace) a template; syntax errors and unknown filters are reported now'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -f -a "list" -d 'List templates'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -f -a "show" -d 'Show a template\'s source'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -f -a "render" -d 'Preview a template for one recipient'
complete -c publik -n "__fish_publik_using_subcommand template; and not __fish_seen_subcommand_from add list show render help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l subject -d 'The subject line (a template too)' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l text -d 'Plain-text part' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l html -d 'HTML part (auto-escaped)' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l to -d 'The recipient to render it for (a group member\'s attributes if any)' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l var -d 'Template variable KEY=VALUE; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from render" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add (or replace) a template; syntax errors and unknown filters are reported now'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from help" -f -a "list" -d 'List templates'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a template\'s source'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from help" -f -a "render" -d 'Preview a template for one recipient'
complete -c publik -n "__fish_publik_using_subcommand template; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -f -a "send" -d 'Queue one email per active member (one transaction), each with its own unsubscribe link'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and not __fish_seen_subcommand_from send help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l template -d 'The template to send (its name)' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l group -d 'The group whose active members get it (its short name)' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l var -d 'Template variable KEY=VALUE; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l not-before -d 'Do not send before this time' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from help" -f -a "send" -d 'Queue one email per active member (one transaction), each with its own unsubscribe link'
complete -c publik -n "__fish_publik_using_subcommand newsletter; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l booking -d 'The agenda\'s booking JSON (label, user_display_label, user_name or user_first_name + user_last_name, user_email, datetime, end_datetime, extra_data.{description,location,url,comment}); - for stdin. Flags override it' -r -F
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l start -d 'Start, "YYYY-MM-DD HH:MM" in --tz, or RFC 3339' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l end -d 'End, like --start' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l duration -d 'Length instead of --end, e.g. 30m' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l tz -d 'Zone of times given without an offset [default: the config\'s ics.timezone]' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l label -d 'The event\'s title (SUMMARY)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l user-display-label -d 'Summary shown to the user (preferred over --label)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l description -d 'The event\'s text (DESCRIPTION)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l location -d 'Where it happens (LOCATION)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l url -d 'A page about the appointment (URL)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l comment -d 'A note for the attendee (COMMENT)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l user-name -d 'Attendee\'s name (CN)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l user-email -d 'The attendee\'s address (ATTENDEE)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l organizer -d '"Name <addr>" [default: the config\'s email.organizer]' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l uid -d 'The appointment\'s UID (to reschedule or cancel it) [default: a new one]' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l method -d 'publish: an event to add; request: an invitation; cancel: the event is called off' -r -f -a "publish\t'A plain calendar file (no scheduling)'
request\t'An invitation (iMIP): needs an organizer'
cancel\t'Cancels an appointment generated before (same UID)'"
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -s o -l output -d 'Output file [default: stdout]' -r -F
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand gen-ics" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l limit -d 'Take at most N mails [default: maarch.batch]' -r
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l dry-run -d 'List what would be harvested; change nothing'
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand feed-mail-maarch" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -f -a "list" -d 'List harvested mail'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -f -a "show" -d 'One mail: Maarch\'s metadata, local status, linked form'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -f -a "file" -d 'Save a mail\'s scanned document'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -f -a "link" -d 'Tell Maarch a request was created for the mail (external id and link, status_sent)'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -f -a "reject" -d 'Tell Maarch the mail is not for the platform (status_refused)'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -f -a "respond" -d 'Tell Maarch the platform answered (status_response, the content as history message)'
complete -c publik -n "__fish_publik_using_subcommand mail; and not __fish_seen_subcommand_from list show file link reject respond help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -l status -d 'Only mail in this status' -r -f -a "received\t'Harvested; nothing decided yet'
linked\t'Turned into a request (external id sent to Maarch)'
rejected\t'Not for the platform'
responded\t'The platform answered'"
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -s o -l output -d 'Where to write the scanned document' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from file" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l form-number -d 'The w.c.s. form\'s number' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l form-url -d 'The w.c.s. form\'s URL' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l force -d 'Replace the form already linked (Maarch keeps one external id)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from link" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -l reason -d 'History message in Maarch' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from reject" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l mail-id -d 'The mail\'s external id, e.g. maarch-12' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l content -d 'The answer\'s text' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l content-file -d 'The answer\'s text, from a file' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from respond" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "list" -d 'List harvested mail'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "show" -d 'One mail: Maarch\'s metadata, local status, linked form'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "file" -d 'Save a mail\'s scanned document'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "link" -d 'Tell Maarch a request was created for the mail (external id and link, status_sent)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "reject" -d 'Tell Maarch the mail is not for the platform (status_refused)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "respond" -d 'Tell Maarch the platform answered (status_response, the content as history message)'
complete -c publik -n "__fish_publik_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -f -a "generate" -d 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -f -a "show" -d 'Print the public key of the configured private key'
complete -c publik -n "__fish_publik_using_subcommand vapid; and not __fish_seen_subcommand_from generate show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -l out -d 'Private key file [default: the config\'s webpush.private_key_file]' -r -F
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the public key of the configured private key'
complete -c publik -n "__fish_publik_using_subcommand vapid; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -f -a "subscribe" -d 'Save a browser\'s PushSubscription.toJSON() for a user (the same endpoint is stored once)'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -f -a "unsubscribe" -d 'Remove a user\'s subscription (one endpoint, or all)'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -f -a "token" -d 'A token naming a user, for the site\'s page that subscribes the user\'s browser through publik serve\'s POST /push/subscribe/?token=TOKEN'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -f -a "list" -d 'List subscriptions'
complete -c publik -n "__fish_publik_using_subcommand push; and not __fish_seen_subcommand_from subscribe unsubscribe token list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l user -d 'The user the subscription belongs to' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l subscription -d 'The subscription JSON file [default: stdin]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from subscribe" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l user -d 'The user whose subscriptions to remove' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l endpoint -d 'Only the subscription of this endpoint' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l all -d 'Every subscription of the user'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from unsubscribe" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l user -d 'The user the token names' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l ttl -d 'How long the page may use it' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -l user -d 'Only this user\'s subscriptions' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from help" -f -a "subscribe" -d 'Save a browser\'s PushSubscription.toJSON() for a user (the same endpoint is stored once)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from help" -f -a "unsubscribe" -d 'Remove a user\'s subscription (one endpoint, or all)'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from help" -f -a "token" -d 'A token naming a user, for the site\'s page that subscribes the user\'s browser through publik serve\'s POST /push/subscribe/?token=TOKEN'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from help" -f -a "list" -d 'List subscriptions'
complete -c publik -n "__fish_publik_using_subcommand push; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand notify" -l user -d 'The user whose devices get it' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l title -d 'The notification\'s title' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l body -d 'The notification\'s text' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l url -d 'Page opened when the notification is clicked' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l icon -d 'An icon to show with it' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l tag -d 'Replaces an earlier notification with the same tag (also the push Topic)' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l action -d 'A button, ID:LABEL; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l ttl -d 'How long the push service keeps it for an offline device [default: webpush.ttl]' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l urgency -d 'How soon the device should wake for it (the push Urgency header)' -r -f -a "very-low\t''
low\t''
normal\t''
high\t''"
complete -c publik -n "__fish_publik_using_subcommand notify" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand notify" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand notify" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand notify" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand notify" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand notify" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand notify" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand notify" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand notify" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l limit -d 'Send at most this many notifications' -r
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l max-age -d 'Do not send notifications older than this [default: webpush.max_age]' -r
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l time-limit -d 'Stop taking notifications after this long (those in hand are finished)' -r
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l dry-run -d 'Show what would be sent; send nothing, change nothing'
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand send-webpush" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand bounce" -l recipient -d 'The address the bounce was delivered to (Postfix: ${original_recipient})' -r
complete -c publik -n "__fish_publik_using_subcommand bounce" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand bounce" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand bounce" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand bounce" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand bounce" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand bounce" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand bounce" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand bounce" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand bounce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand bounce" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l limit -d 'Read at most N messages this run' -r
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l time-limit -d 'The run\'s deadline, e.g. 2m: no message is read after it, and a command still under way then is cut (exit 75)' -r
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand fetch-bounces" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand serve" -l listen -d 'Address to listen on [default: the config\'s serve.listen]' -r
complete -c publik -n "__fish_publik_using_subcommand serve" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand serve" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand serve" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand serve" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand serve" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand serve" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand serve" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand serve" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand serve" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -f -a "import" -d 'Validate and store a workflow YAML file (replaces one of the same name)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -f -a "list" -d 'List workflows'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -f -a "show" -d 'Show a workflow\'s statuses, jumps and actions'
complete -c publik -n "__fish_publik_using_subcommand workflow; and not __fish_seen_subcommand_from import list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "import" -d 'Validate and store a workflow YAML file (replaces one of the same name)'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "list" -d 'List workflows'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a workflow\'s statuses, jumps and actions'
complete -c publik -n "__fish_publik_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -f -a "create" -d 'Create a form: it gets a number, enters the initial status, runs its actions'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -f -a "list" -d 'List forms'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -f -a "show" -d 'A form: data, status, offered jumps, full history'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -f -a "delete" -d 'Delete a form and its history (its action links then say so)'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -f -a "jump" -d 'Run a jump the form\'s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.\'s trigger jumps), each in its own transaction'
complete -c publik -n "__fish_publik_using_subcommand form; and not __fish_seen_subcommand_from create list show delete jump help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l workflow -d 'The workflow the form follows (its name)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l name -d 'The form\'s title, as shown to agents' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l data -d 'KEY=VALUE; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l user -d 'The citizen who filed it (the user name push notifications go to)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l email -d 'The citizen\'s email address (the workflow\'s emails go there)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l status -d 'Only forms in this status' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l workflow -d 'Only forms of this workflow' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l actor -d 'Who acts, named in the history [default: form-jump[PID]]' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l data -d 'Data the jump carries, KEY=VALUE; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l workflow -d 'Every form of this workflow...' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l status -d '... in this status ...' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l trigger -d '... takes this jump' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l where -d 'Only forms whose data has FIELD=VALUE; repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l older-than -d 'Only forms in the status for longer than this (e.g. 30d)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l dry-run -d 'Say which forms would jump; change nothing'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from jump" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a form: it gets a number, enters the initial status, runs its actions'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "list" -d 'List forms'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "show" -d 'A form: data, status, offered jumps, full history'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a form and its history (its action links then say so)'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "jump" -d 'Run a jump the form\'s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.\'s trigger jumps), each in its own transaction'
complete -c publik -n "__fish_publik_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l form -d 'The form\'s number' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l action -d 'The jump, offered by the form\'s current status' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l wcs-form -d 'A form of a remote w.c.s. (under a wcs.services url): the link runs its trigger there' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l trigger -d 'The w.c.s. jump trigger the link runs (with --wcs-form)' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l ttl -d 'Lifetime: days as a bare number (as w.c.s.), or 90m, 12h, 7d; at most 365 days [default: 3]' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l recipient -d 'Who the link is for (named in the history when used)' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l label -d 'Button label on the confirmation page [default: the jump\'s label]' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l message -d 'Text of the confirmation page [default: "Please confirm action."]' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand issue-action-token" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l actor -d 'Who acts [default: the link\'s recipient]' -r
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l data -d 'Data the jump carries, KEY=VALUE (e.g. comment=...); repeatable' -r
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand run-jump" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand run-jump" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand run-jump" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand run-jump" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand run-jump" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -l used-before -d 'Keep used links this long after their use' -r
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand purge-tokens" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand completions" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand completions" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand completions" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand completions" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand completions" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand completions" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand completions" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand completions" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand completions" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand completions" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand man" -l dir -d 'Output directory' -r -F
complete -c publik -n "__fish_publik_using_subcommand man" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand man" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand man" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand man" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand man" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand man" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand man" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand man" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand man" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand man" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -f -a "list" -d 'List the sites'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -f -a "add" -d 'Add a site: its directory, a commented publik.yaml and its state'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -f -a "check" -d 'Check every site\'s config (the main one merged with the site\'s); exit 65 if one is bad'
complete -c publik -n "__fish_publik_using_subcommand tenant; and not __fish_seen_subcommand_from list add check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -l database -d 'The site\'s state in a PostgreSQL database (an empty one, made ready now) instead of publik.sqlite3 in its directory' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -l state -d 'State file (SQLite) [default: $PUBLIK_STATE, the config\'s `state:`, ./publik.sqlite3]' -r -F
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -l tenant -d 'Work on one site of a multi-site installation (its directory in the tenants directory)' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -l jobs -d 'Sites at once with --all-tenants [default: the number of cores]' -r
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -l json -d 'Machine-readable JSON output'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More logs on stderr (-v: info, -vv: debug)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No logs at all (errors are still printed)'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -l all-tenants -d 'Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check; serve answers every site'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the sites'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a site: its directory, a commented publik.yaml and its state'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check every site\'s config (the main one merged with the site\'s); exit 65 if one is bad'
complete -c publik -n "__fish_publik_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "init" -d 'Write a commented publik.yaml (every key with its default), create the state file and the link key'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "config" -d 'Check the config file'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "state" -d 'Look at, back up, check and migrate the state'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "enqueue" -d 'Queue a message: one row per recipient; prints the new row ids'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "send-queue" -d 'Send pending messages whose time has come (the cron job)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "retry-queue" -d 'Send again the messages in error whose backoff has passed'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "queue" -d 'Inspect and fix the send queue'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "sms" -d 'SMS delivery receipts'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "group" -d 'Subscriber groups for newsletters'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "template" -d 'Message templates (minijinja, Django-like syntax)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "newsletter" -d 'Send a template to every active member of a group'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "gen-ics" -d 'Write an RFC 5545 calendar event for an appointment (stdout or -o FILE)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "feed-mail-maarch" -d 'Harvest the scanned mail Maarch Courrier holds in maarch.status_grc'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "mail" -d 'Mail harvested from Maarch, and reports of its fate back to Maarch'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "vapid" -d 'VAPID keys for Web Push (RFC 8292)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "push" -d 'Web Push subscriptions (one per user and device)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "notify" -d 'Queue a Web Push notification to every device of a user'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "send-webpush" -d 'Send queued Web Push notifications (same as send-queue --channel push)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "bounce" -d 'Read one bounce (a delivery status notification) and fail the message it is about'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "fetch-bounces" -d 'Read the bounce mailbox (email.bounce_mailbox, IMAP) and handle each bounce'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "serve" -d 'Serve publik\'s landing pages (action links, unsubscribe links) behind the site\'s reverse proxy'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "workflow" -d 'Workflows: statuses, manual jumps, actions on entering a status'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "form" -d 'Forms: citizens\' requests moving through a workflow'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "issue-action-token" -d 'Print an action link (URL) that runs a form\'s jump once, for scripts and other senders'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "run-jump" -d 'Run the jump an action link names (the same checks as its web page)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "purge-tokens" -d 'Delete the action links that can no longer act (the nightly cron job)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "completions" -d 'Print a shell completion script'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "man" -d 'Write man pages, one per command (publik.1, publik-send-queue.1, ...), and publik.yaml.5'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "tenant" -d 'The sites of this installation (one directory each in the tenants directory)'
complete -c publik -n "__fish_publik_using_subcommand help; and not __fish_seen_subcommand_from init config state enqueue send-queue retry-queue queue sms group template newsletter gen-ics feed-mail-maarch mail vapid push notify send-webpush bounce fetch-bounces serve workflow form issue-action-token run-jump purge-tokens completions man tenant help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Load and validate the config; print the effective settings (secrets masked)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "info" -d 'Path, schema version, size and row counts per table'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "backup" -d 'Copy the state into FILE with SQLite\'s online backup: consistent, and safe while cron runs and `publik serve` write. FILE is replaced only once the copy is complete'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "upgrade" -d 'Bring the state\'s schema up to this publik\'s (what any command that writes does first), keeping a copy of it as it was beside it (`STATE.schema-N`); prints what `state info` prints'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "restore" -d 'Put BACKUP in place of the state: refused while another publik has the state open; the backup must pass `state check`; the state it replaces is kept beside it, with its WAL, as STATE.replaced-TIME. (Copying the file by hand is no restore: SQLite would replay the live WAL over it.)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "check" -d 'SQLite\'s integrity check and foreign key check (PostgreSQL: every table read through, the schema compared); exit 1 on a problem'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "migrate" -d 'Copy every row into another, empty state: a PostgreSQL database (postgresql://USER@HOST/DB) or a SQLite file, from one consistent snapshot, in one transaction; the row counts of both are compared before it commits. Stop the timers first: rows queued meanwhile stay in the old state only'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from enqueue" -f -a "email" -d 'Queue an email (body and attachments stored once, one row per recipient)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from enqueue" -f -a "sms" -d 'Queue an SMS: numbers normalized to E.164, one row per number'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "list" -d 'List messages (oldest first)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "show" -d 'One message: recipients, headers, body preview, attachments, history'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "stats" -d 'Count per channel and status, age of the oldest pending message'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "check" -d 'A Nagios/Icinga check: one status line with perfdata; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the state cannot be read)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "requeue" -d 'Put messages back to pending (attempts start again; the history keeps them)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "cancel" -d 'Cancel pending or error messages'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "hold" -d 'Hold pending or error messages: no run sends them until released (postsuper -h)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "release" -d 'Release held messages back to pending, attempts starting again (postsuper -H)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "delete" -d 'Delete messages and their history, in any status but sending (postsuper -d)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "purge" -d 'Delete finished messages (and their history) older than a duration'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from sms" -f -a "receipt" -d 'Record a provider\'s delivery receipt (the only way to `delivered`)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "create" -d 'Create a group'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "list" -d 'List groups with their member counts'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "add" -d 'Add members by address (already present: ignored)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "import" -d 'Import members from a CSV with an `email` column (other columns become template attributes) or from a plain list, one address per line'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "remove" -d 'Remove members'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "members" -d 'List a group\'s members'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "unsubscribe" -d 'Unsubscribe the member an unsubscribe link was sent to'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from template" -f -a "add" -d 'Add (or replace) a template; syntax errors and unknown filters are reported now'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from template" -f -a "list" -d 'List templates'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from template" -f -a "show" -d 'Show a template\'s source'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from template" -f -a "render" -d 'Preview a template for one recipient'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from newsletter" -f -a "send" -d 'Queue one email per active member (one transaction), each with its own unsubscribe link'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "list" -d 'List harvested mail'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "show" -d 'One mail: Maarch\'s metadata, local status, linked form'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "file" -d 'Save a mail\'s scanned document'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "link" -d 'Tell Maarch a request was created for the mail (external id and link, status_sent)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "reject" -d 'Tell Maarch the mail is not for the platform (status_refused)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "respond" -d 'Tell Maarch the platform answered (status_response, the content as history message)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from vapid" -f -a "generate" -d 'Create a P-256 key pair: the private key to a file (mode 0600), the public key (applicationServerKey, base64url) on stdout'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from vapid" -f -a "show" -d 'Print the public key of the configured private key'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from push" -f -a "subscribe" -d 'Save a browser\'s PushSubscription.toJSON() for a user (the same endpoint is stored once)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from push" -f -a "unsubscribe" -d 'Remove a user\'s subscription (one endpoint, or all)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from push" -f -a "token" -d 'A token naming a user, for the site\'s page that subscribes the user\'s browser through publik serve\'s POST /push/subscribe/?token=TOKEN'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from push" -f -a "list" -d 'List subscriptions'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "import" -d 'Validate and store a workflow YAML file (replaces one of the same name)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "list" -d 'List workflows'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "show" -d 'Show a workflow\'s statuses, jumps and actions'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from form" -f -a "create" -d 'Create a form: it gets a number, enters the initial status, runs its actions'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from form" -f -a "list" -d 'List forms'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from form" -f -a "show" -d 'A form: data, status, offered jumps, full history'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from form" -f -a "delete" -d 'Delete a form and its history (its action links then say so)'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from form" -f -a "jump" -d 'Run a jump the form\'s status offers (operators); or, with --workflow, --status and --trigger, that jump for every form in that status (w.c.s.\'s trigger jumps), each in its own transaction'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "list" -d 'List the sites'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "add" -d 'Add a site: its directory, a commented publik.yaml and its state'
complete -c publik -n "__fish_publik_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "check" -d 'Check every site\'s config (the main one merged with the site\'s); exit 65 if one is bad'
