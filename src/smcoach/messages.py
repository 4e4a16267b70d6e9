"""Every sentence smcoach says to a person, in one place, so wording can be reviewed and translated.

Keys are grouped by prefix. Templates use str.format fields.
"""

from smcoach.safe_text import one_line

ACCEPTED_DATES = (
    "2026-11-23, today, yesterday, tomorrow, mon (the latest Monday up to today), "
    "last mon, next mon, -2d, +3d"
)

TEXT: dict[str, str] = {
    # errors: one line each
    "date.bad": "'{text}' is not a date smcoach reads. Use one of: " + ACCEPTED_DATES,
    "date.not_real": "'{text}' is not a real calendar day",
    "goal_day.bad": "'{text}' is not a day smcoach reads for a goal. Try: end of march, march 2027, in 3 months, in 6 weeks, or 2027-03-01",
    "goal_day.two_ways": "'{text}' could be {first} or {second}: write the day as 2027-03-01 (year, month, day), or as end of march",
    "goal_day.slashed": "smcoach does not read days written with slashes or dots, which mean different days in different countries: write it as 2027-03-01 (year, month, day), or as end of march; '{text}' was not read",
    "goal_day.past": "'{text}' is {day}, which has passed: a goal is for a day still to come",
    "goal_day.shown": "Goal by {day}.",
    "date.range": "'{text}' is outside the days smcoach works with ({first} to {last})",
    "today.bad": "{name} must be a date such as 2026-11-23, got {text}",
    "days.bad": "'{text}' is not a list of weekdays: use names such as mon,wed,fri",
    "confidence.range": "confidence must be a whole number from 0 to 10, got {got}",
    "times.range": "--times must be a whole number from 1 to 7, got {got}",
    "id.bad": "{what} ID must be a whole number from 1 up, got {got}",
    "text.empty": "{field} cannot be empty",
    "missing": "{what} is missing: give {how}, or run in a terminal to be asked",
    "input.ended": "input ended before {what} was answered; nothing from this step was saved",
    "interrupted": "Interrupted: nothing from this step was saved.",
    "output.failed": "cannot write the output: {detail}",
    "path.nul": "a file name cannot contain a NUL character; nothing was changed",
    "answers.not_text": "give a text or a number",
    "argv.not_utf8": "argument {n} is not valid UTF-8 text; nothing was changed",
    "argv.nul": "argument {n} contains a NUL character; nothing was changed",
    "plan.days_or_times": "give either --days (e.g. mon,wed,fri) or --times N, not both",
    "plan.low_confidence_refused": (
        "not saved: confidence {confidence} is under 7. Make the plan smaller (less, fewer days, "
        "another time) and run it again, or add --keep-anyway to save it as it is"
    ),
    "plan.not_found": "there is no action plan with ID {id}",
    "plan.none_current": "there is no current action plan: make one with 'smcoach plan new'",
    "plan.which": "you have {n} current plans ({ids}): say which, e.g. 'smcoach check {first} --done'",
    "plan.ended_already": "plan {id} has already ended",
    "check.one_status": "choose one of --done, --partly, --not or --rest",
    "check.outside": "{day} is outside plan {id}'s week ({start} to {end})",
    "check.future": "{day} has not happened yet: check in on the day or after",
    "check.no_flags_no_terminal": (
        "say how it went: add --done, --partly, --not or --rest (and --date DAY for another day)"
    ),
    "answers.missing": "the answers file has no answer for {name}; nothing after it was saved",
    "answers.invalid": "the answers file's answer for {name} does not fit: {error}; nothing after it was saved",
    "answers.too_few": "the answers file gives {name} only {n} answer(s), but it was asked again; nothing after it was saved",
    "answers.not_a_table": "in the answers file, '{step}' must be a table of answers by key",
    "agenda.not_found": "there is no agenda item with ID {id}",
    "agenda.not_open": "agenda item {id} is {status}, not open",
    "goal.not_found": "there is no goal with ID {id}",
    "question.not_found": "there is no question with ID {id}",
    "question.done_already": "question {id} is already marked as asked",
    "goal.not_active": "goal {id} is {status}, not active",
    "store.not_sqlite": "{path} is not an smcoach database (not an SQLite file); nothing was changed. 'smcoach doctor' says what to do",
    "store.cut_short": "the file is shorter than its header says: it may have been cut off",
    "store.not_smcoach": "{path} is an SQLite database of another program, not smcoach's; nothing was changed. 'smcoach doctor' says what to do",
    "store.damaged": "the database at {path} is damaged ({detail}); nothing was changed. 'smcoach doctor' says what to do",
    "why.empty": "it is an empty file, not an smcoach database",
    "why.not_sqlite": "it is not an smcoach database (not an SQLite file)",
    "why.not_smcoach": "it is an SQLite database of another program, not smcoach's",
    "why.newer": "it was written by a newer smcoach (it has changes this version does not know: {names})",
    "why.damaged": "it is damaged ({detail})",
    "why.unreadable": "it cannot be read ({detail})",
    "store.empty": "{path} is an empty file, not an smcoach database; nothing was changed. 'smcoach doctor' says what to do",
    "store.not_a_file": "it is not a regular file",
    "store.bad_text": "text that is not valid UTF-8",
    "store.too_new": (
        "{path} was written by a newer smcoach (it has changes this version does not know: "
        "{names}); upgrade smcoach. Nothing was changed"
    ),
    "store.no_folder": "cannot create the folder for the database at {path}: {detail}",
    "store.cannot_open": "cannot open the database at {path}: {detail}",
    "store.read_only": "cannot write to the database at {path}: it is read-only",
    "store.full": "could not save to the database at {path} ({detail}): the disk may be full; nothing was changed. Free some space and try again",
    "store.busy": "the database at {path} is busy in another smcoach; try again in a moment",
    # problem-solving (smcoach solve): errors, then notices
    "solve.not_found": "there is no problem with ID {id}",
    "solve.solved_already": "problem {id} is solved. If it has come back, start it again with 'smcoach solve'",
    "solve.moved_on": "problem {id} has moved on (it is now {status}), perhaps in another smcoach; see 'smcoach solve show {id}'",
    "solve.numbers_bad": "type numbers from 1 to {n}, such as 1,3, or press Enter for none",
    "solve.yes_no": "answer y or n",
    "solve.problem": "Problem {id}: {text}",
    "solve.saved": "Problem {id} saved. Each answer is kept as you give it: if you stop, carry on with 'smcoach solve revisit {id}'.",
    "solve.ideas_so_far": "Your ideas so far:",
    "solve.no_ideas": "No ideas yet, and that is all right: other people may see a way round it.",
    "solve.chosen": "Give it a go. Once you have tried it, tell smcoach how it went: smcoach solve revisit {id}",
    "solve.tried": "On {day} you chose to try: {idea}",
    "solve.plan_progress": "Your action plan {plan} for it: {tally}.",
    "solve.last_result": "Last time you tried: {idea}. It {result}.",
    "solve.talk_first": "What you wrote matters. smcoach won't suggest it as something to try: please talk to someone about it today (smcoach help-now shows who). The next step is thinking who else could help.",
    "solve.not_yet": "That is all right. Once you have tried it, come back with 'smcoach solve revisit {id}'.",
    "solve.solved": "Well done: problem {id} is solved.",
    "solve.set_aside": "Problem {id} is set aside for now. If things change, pick it up again with 'smcoach solve revisit {id}'.",
    "solve.reopened": "Picking up problem {id} again: your ideas and what you tried are all kept.",
    "solve.none": "No problems being worked on. Start one: smcoach solve",
    "solve.result.worked": "worked",
    "solve.result.partly": "helped, but not enough",
    "solve.result.did_not_work": "did not help",
    "solve.next.name": "Say what kind of problem it is: smcoach solve revisit {id}",
    "solve.next.ideas": "Carry on listing ideas: smcoach solve revisit {id}",
    "solve.next.choose": "Choose an idea to try: smcoach solve revisit {id}",
    "solve.next.assess": "Once you have tried it, say how it went: smcoach solve revisit {id}",
    "solve.next.substitute": "Choose another idea to try: smcoach solve revisit {id}",
    "solve.next.resources": "Think who could help: smcoach solve revisit {id}",
    "solve.next.accept": "Decide whether to set it aside for now: smcoach solve revisit {id}",
    "solve.next.solved": "Nothing more to do: it is solved.",
    "solve.next.accepted": "Set aside for now. Pick it up again any time: smcoach solve revisit {id}",
    # symptoms and their daily 0-10 ratings (smcoach symptoms, smcoach check --rate)
    "symptom.name_empty": "a symptom's name cannot be empty",
    "symptom.name_equals": "a symptom's name cannot contain '=' (it separates name and rating in --rate NAME=N), got '{name}'",
    "symptom.exists": "'{name}' is already on your symptom list",
    "symptom.not_found": "'{name}' is not on your symptom list: see 'smcoach symptoms list', or add it with 'smcoach symptoms add \"{name}\"'",
    "rating.bad": "'{text}' is not a rating: use NAME=N with N a whole number from 0 to 10, such as --rate fatigue=6",
    "rating.range": "a rating must be a whole number from 0 to 10, got {got}",
    "rating.twice": "'{name}' is rated twice: give each symptom one rating a day",
    "rating.needs_status": "{what} goes with a check-in: add --done, --partly, --not or --rest",
    "symptoms.none": "No symptoms on your list. Add one you want to follow each day: smcoach symptoms add fatigue",
    "saved.symptom": "Added '{name}' to your symptoms (0 = none, 10 = worst). Rate it each day: smcoach check --rate \"{name}=N\".",
    "saved.symptom_removed": "Removed '{name}' from your symptoms (its ratings are kept; see 'smcoach symptoms list --all').",
    "saved.rating": "Rated {name} {rating}/10 for {day}.",
    "saved.rating_replaced": "Rated {name} {rating}/10 for {day} (replaces {old}).",
    "rating.all_done": "Every symptom on your list is rated for {day}.",
    "rating.care": "If {name} is worse than usual for you, follow the plan your care team gave you, or contact them. In an emergency: smcoach help-now",
    "symptom.scale_worse": "0 = none, 10 = worst",
    "symptom.scale_better": "0 = worst, 10 = best",
    "saved.symptom_better": "Added '{name}' to your symptoms, with higher as better (0 = worst, 10 = best). Rate it each day: smcoach check --rate \"{name}=N\".",
    # notices (stderr)
    "saved.agenda": "Added agenda item {id}.",
    "saved.question": "Added question {id}. 'smcoach questions list' shows them; 'smcoach export --format md' puts them in your appointment summary.",
    "saved.question_done": "Marked question {id} as asked.",
    "questions.none": 'No questions yet. Add one to ask at your next appointment: smcoach questions add "…"',
    "questions.title": "Questions for your next appointment",
    "questions.col_id": "ID",
    "questions.col_question": "Question",
    "questions.col_added": "Added",
    "questions.col_asked": "Asked",
    "questions.not_yet": "not yet",
    "saved.focus": "Agenda item {id} is now your focus.",
    "saved.agenda_done": "Agenda item {id} marked done.",
    "saved.agenda_removed": "Agenda item {id} removed from your agenda (kept in 'agenda list --all').",
    "saved.goal": "Added goal {id}.",
    "saved.goal_done": "Goal {id} marked done. Well done.",
    "saved.goal_dropped": "Goal {id} dropped (kept in 'goal list --all').",
    "saved.plan": "Saved action plan {id}: {start} to {end}.",
    "saved.plan_ended": "Plan {id} ended.",
    "saved.check": "Checked in for {day}: {status}.",
    "saved.check_replaced": "Checked in for {day}: {status} (replaces {old}).",
    "saved.note_kept": "Your note for that day is kept: {note}",
    "saved.note_replaced": "Your new note replaces the earlier one, which was: {note}",
    "store.checked": "Checked the whole file: no damage found.",
    "backup.made": "Backed up your data to {path} before upgrading it.",
    "backup.no_name": "cannot find a free name for a backup in {folder}",
    # your data: export, import, backup, restore, erase (smcoach export … erase)
    "file.exists": "{path} already exists: choose another name, or add --force to replace it",
    "file.cannot_write": "cannot write {path}: {detail}",
    "export.format_bad": "'{got}' is not an export format: use one of {formats}",
    "export.needs_out": "the csv export is several files: give --out FOLDER (or --out FILE.zip)",
    "export.saved": "Saved {what} to {path} (readable only by you).",
    "export.what_json": "all your records",
    "export.what_csv": "your records as CSV files",
    "export.what_md": "your appointment summary",
    "export.what_html": "your appointment summary",
    "export.what_ics": "your current plans' days as a calendar",
    "import.unreadable": "cannot read {path}: {detail}",
    "import.not_json": "{path} is not an smcoach export (not JSON: {detail})",
    "import.not_export": "the file is not an smcoach export (made by 'smcoach export --format json')",
    "import.too_new": "the file was exported by a newer smcoach ({version}): upgrade smcoach to import it. Nothing was changed",
    "import.unknown_kind": "the file holds records of a kind this smcoach does not know ({kind}); nothing was changed",
    "import.bad_record": "record {n} of {kind} in the file does not fit: {detail}; nothing was changed",
    "import.not_list": "expected a list of records",
    "import.not_table": "expected a table of fields",
    "import.unknown_field": "unknown field '{field}'",
    "import.bad_value": "the value of '{field}' is not one smcoach stores",
    "import.dangling": "it refers to a record that is not in the file",
    "import.not_empty": "your database already holds records: add --merge to add the file's records to them, or 'smcoach erase' first. Nothing was changed",
    "import.done": "Imported {count} records from {path}.",
    "import.merged": "Merged {path}: {count} records added, {same} already there.",
    "import.backed_up": "Backed up your data to {path} first.",
    "backup.saved": "Backed up your data to {path}.",
    "backup.dest_exists": "{path} already exists: give a new file name or a folder",
    "restore.no_file": "there is no backup file at {path}",
    "restore.same_file": "{path} is the database itself, not a backup of it",
    "restore.unusable": "cannot restore from that file: {reason}",
    "restore.done": "Restored your data from {source}.",
    "restore.saved_before": "What was there before is kept in {path}.",
    "restore.moved_aside": "The damaged file was moved aside to {path}.",
    "erase.what": "This removes all your smcoach data in {path}. A backup is kept in {folder} unless you add --backups.",
    "erase.what_backups": "This removes all your smcoach data in {path} and every backup in {folder}. It cannot be undone.",
    "erase.type": "Type the word {word} to go ahead (anything else stops)",
    "erase.word": "erase",
    "erase.stopped": "Nothing was erased.",
    "erase.needs_yes": "erasing needs a confirmation: run it in a terminal, or add --yes",
    "erase.nothing": "There is nothing to erase at {path}.",
    "erase.removed": "Removed {path}",
    "erase.kept": "A backup was kept first: {path} ('smcoach restore' puts it back).",
    # smcoach doctor
    "doctor.title": "smcoach doctor",
    "doctor.path": "File",
    "doctor.size": "Size",
    "doctor.size_value": "{kb} kB",
    "doctor.schema": "Version",
    "doctor.schema_value": "{version} of {head}",
    "doctor.integrity": "Check",
    "doctor.integrity_ok": "whole (integrity_check: ok)",
    "doctor.integrity_bad": "cannot be used (see below)",
    "doctor.permissions": "Permissions",
    "doctor.permissions_value": "file {file}, folder {folder}",
    "doctor.last_backup": "Last backup",
    "doctor.last_backup_value": "{when} ({count} kept in {folder})",
    "doctor.none": "none",
    "doctor.all_well": "All is well.",
    "doctor.no_file": "There is no database at {path} yet: it is made by the first command that saves something.",
    "doctor.newer": "The file cannot be used: {problem}. Upgrade smcoach to use it.",
    "doctor.not_ours": "The file cannot be used: {problem}. smcoach leaves it as it is. If your data is elsewhere, point smcoach at it with --db or $SMCOACH_DB ('smcoach where' shows the path in use).",
    "doctor.damaged_restore": "The file cannot be used: {problem}. To recover, restore the newest good backup: smcoach restore {backup} (what is there now is moved aside, not deleted).",
    "doctor.damaged_no_backup": "The file cannot be used: {problem}. There is no good backup to restore. Copy {path} somewhere safe before anything else; the sqlite3 program's .recover command may rescue part of it.",
    "doctor.older": "The file is at version {version}; this smcoach will upgrade it to {head} at the next command, after backing it up.",
    "doctor.link": "The path is a link to {target}: smcoach uses it, and leaves the target's permissions to you.",
    "doctor.file_open": "Other people on this computer can read the file ({mode}). Make it private: chmod 600 {path}",
    "doctor.folder_open": "Other people on this computer can list the folder ({mode}). Make it private: chmod 700 {folder}",
    "doctor.no_backup": "There is no backup yet. Make one: smcoach backup",
    "doctor.old_backup": "The last backup is {days} days old. Make a fresh one: smcoach backup",
    "nothing_to_ask": "Nothing to check in: every planned day so far has an answer.",
    # the self-efficacy scale (smcoach selfcheck): errors, then notices
    "selfcheck.count": "the self-efficacy scale has {n} questions, got {got} answers",
    "selfcheck.item_range": "answer {item} must be a whole number from 1 to 10, or skipped; got {got}",
    "selfcheck.answer_range": "answer with a whole number from 1 (not at all confident) to 10 (totally confident), or press Enter to skip; got '{got}'",
    "selfcheck.answers_count": "--answers takes {n} answers separated by commas, each 1-10 or skip (such as 8,7,skip,9,6,7), got {got}; nothing was saved",
    "selfcheck.answers_empty": "--answers: answer {item} is empty (write skip to skip a question); nothing was saved",
    "selfcheck.answers_item": "--answers: answer {item} is '{got}', but each answer must be a whole number from 1 to 10, or skip; nothing was saved",
    "selfcheck.needs_terminal": "selfcheck asks six questions: run it in a terminal, or give --answers such as 8,7,skip,9,6,7 (each 1-10, or skip)",
    "selfcheck.future": "{day} has not happened yet: date a self-efficacy check today or earlier",
    "selfcheck.history_alone": "--history shows your past checks: it cannot be combined with --answers or --date",
    "selfcheck.intro": (
        "Six questions on how confident you feel, right now, about managing your health from day to day. "
        "There are no right or wrong answers: answered now and again, they show how your confidence "
        "changes as you practise. Your answers stay private, in your own smcoach file."
    ),
    "selfcheck.source": "The questions are the {title} ({publisher}; {citation}).",
    "selfcheck.question": "{n} of {total}. {stem} {item}",
    "selfcheck.which": "question {n}",
    "selfcheck.answer_hint": "{low} ({low_label}) to {high} ({high_label}), or Enter to skip",
    "selfcheck.saved": "Saved your self-efficacy check for {day} ({form}).",
    "selfcheck.scored": "Score: {score} out of 10: the mean of your {answered} answers; higher means more confident in managing your health.",
    "selfcheck.scored_skipped": "Score: {score} out of 10: the mean of the {answered} questions you answered ({skipped} skipped); higher means more confident in managing your health.",
    "selfcheck.not_scored": "Not scored: {skipped} of the {total} questions were skipped, and a score needs at least {needed} answers. Your answers are kept.",
    "selfcheck.not_scored_label": "not scored",
    "selfcheck.none": "No self-efficacy checks yet. Take one: smcoach selfcheck",
    "selfcheck.history_note": "Score: the mean of your answers, from 1 (not at all confident) to 10 (totally confident); higher means more confident in managing your health. Not scored when more than two of the six questions were skipped.",
    "next.selfcheck_due": "Answer six short questions on how confident you feel managing your health: smcoach selfcheck",
    # the guided session
    "session.bad_step": "there is no step '{step}': choose one of {steps}",
    "session.needs_terminal": "a session asks questions: run it in a terminal, or give --answers FILE",
    "session.resume": "You stopped a session at the {step} step on {day}. Carry on where you stopped, or start over? (carry on / over)",
    "session.resume_answer": "answer 'carry on' (or just Enter) or 'over'",
    "session.no_feedback": "No plan is waiting for feedback.",
    "session.feedback_intro": "Last week's plan: {what}, {how_much}, {when} ({often}).",
    "session.ack_all": "You did all of it: {achieved} of {target}. Well done.",
    "session.ack_some": "You did {achieved} of {target}. Every one of those counts.",
    "session.ack_none": "It did not happen this week, and that is worth knowing too: making a plan and looking back at it is part of the skill.",
    "session.already_on_agenda": "'{text}' is already on your agenda.",
    "session.talk_first": "What you wrote matters. smcoach won't coach it as a problem, a goal or a plan: please talk to someone about it today (smcoach help-now shows who).",
    "session.stopped": "The session is stopped here; everything you answered is kept. Run 'smcoach session' whenever you want to go on.",
    "solve.problem_talk_first": "What you wrote matters. smcoach won't work on it as a problem with ideas to try: please talk to someone about it today (smcoach help-now shows who).",
    "session.no_focus": "No focus chosen on your agenda, so no goal to set now.",
    "session.goal_current": "Your goal for this: {text}",
    "answers.unreadable": "cannot read the answers file {path}: {error}",
    "answers.malformed": "the answers file {path} is malformed: {error}",
    "answers.deep": "it is nested deeper than a list of answers",
    "answers.huge": "it holds a number too long to read",
    "input.not_utf8": "That was not readable text (not UTF-8): please type it again.",
    "answers.surrogate": "it holds text that is not valid Unicode (a lone surrogate)",
    # the action-plan coach (findings). Each names the part of the plan it is about.
    "finding.safety": "Please note ({field}): {text}",
    "finding.rethink": "Think about ({field}): {text}",
    "finding.plain": "{label}: {text}",
    "finding.label.safety": "Please note",
    "finding.label.rethink": "Think about",
    "finding.label.note": "Note",
    "finding.label.help_now": "Please note",
    "field.what": "what you will do",
    "field.how_much": "how much",
    "field.when": "when",
    "field.days": "how often",
    "field.confidence": "your confidence",
    "coach.help_now": (
        "smcoach won't make this an action plan. If you need help now, the ways to get it are "
        "shown above (and by smcoach help-now)."
    ),
    "coach.outcome": (
        "That sounds like a result you hope for. An action plan is something you do: "
        "what will you do this week that moves you towards it? (say, 'walk to the post box and back')"
    ),
    "coach.avoidance": (
        "Plans about what you will do tend to work better than plans about stopping. "
        "Is there something to do instead? (say, 'have a piece of fruit at 3pm')"
    ),
    "coach.not_wanted": (
        "This sounds like something you have to do, or someone else wants. Plans work best when "
        "they are something you want to do: is there a part of this you want, or something else?"
    ),
    "coach.hedge": (
        "Words like 'try', 'should' or 'maybe' leave a back door open. If you mean it, "
        "say 'I will'; if you can't, the plan may need to be smaller."
    ),
    "coach.vague_amount": (
        "How much, exactly? Something you can count makes it easy to know you did it "
        "(say, '10 minutes', 'one glass', 'to the end of the road')."
    ),
    "coach.vague_time": (
        "When, exactly? Tying it to a time or something you already do makes it happen "
        "(say, 'after breakfast', 'before the news', 'at 3pm')."
    ),
    "coach.every_day": (
        "Every day leaves no room for an off day. Doing 4 out of 4 planned days builds more "
        "confidence than 6 out of 7: think about leaving a day or two spare."
    ),
    "coach.low_confidence": (
        "Your confidence is {confidence} out of 10. Under 7 usually means the plan is a bit big, "
        "or not something you really want. You could make it smaller (less, fewer days, "
        "another time) or look at what is in the way."
    ),
    "coach.low_confidence_care": (
        "Your confidence is {confidence} out of 10. With medicines and daily care the answer is "
        "not to do less: look at what gets in the way (remembering, side effects, cost, the "
        "time of day), and talk to your pharmacist or nurse about it."
    ),
    "coach.medicines": (
        "Starting, stopping or changing a medicine, or taking more or less of it, is something "
        "to agree with your doctor, nurse or pharmacist first: smcoach cannot advise on treatment."
    ),
    "coach.food": (
        "Fasting or cutting back food sharply is something to check with your doctor, nurse "
        "or a dietitian first, especially with a long-term condition or medicines."
    ),
    "coach.exercise": (
        "This looks like a big step up in activity. If it is much more than you do now, or you "
        "are getting over an illness or an operation, check with your doctor, nurse or "
        "physiotherapist first."
    ),
    "coach.goal_target": (
        "A safe target for weight, blood sugar, blood pressure and the like is one to agree "
        "with your doctor or nurse, who know what is right for you. Your weekly action plans "
        "can then be the steps you take towards it."
    ),
    "coach.several_plans": (
        "You already have {others} other plan(s) this week. That is fine; make sure each is "
        "something you want to do."
    ),
    "plan.safety_refused": (
        "not saved: please agree this plan with your doctor, nurse, pharmacist or physiotherapist "
        "first (see above). If you have, add --agreed to save it"
    ),
    "plan.low_confidence_refused_care": (
        "not saved: confidence {confidence} is under 7. Look at what gets in the way (and talk "
        "to your pharmacist or nurse if it is the medicine itself), or add --keep-anyway to save "
        "it as it is"
    ),
    "plan.help_now_refused": (
        "not saved as an action plan. If you need help now, smcoach help-now shows who to talk to"
    ),
    "plan.left": "The plan was not saved.",
    "plan.agreed_label": "Checked",
    "symptoms.col.scale": "Scale",
    "plan.agreed_shown": "you said you have agreed this plan with your doctor, nurse or pharmacist",
    # getting help now (smcoach help-now, and signposting when what is typed calls for it)
    "helpnow.not_for_emergencies": "Not for emergencies: smcoach help-now",
    "helpnow.intro": "smcoach is not for emergencies, and it cannot tell how unwell anyone is. If you need help now:",
    "helpnow.title": "Getting help now in {country} ({code})",
    "helpnow.title_unknown": "Getting help now",
    "helpnow.emergency_one": "Emergency, when a life may be at risk: call {number} now.",
    "helpnow.emergency_two": "Emergency, when a life may be at risk: call {number} (or {other}) now.",
    "helpnow.emergency_unknown": "Emergency, when a life may be at risk: call your local emergency number now.",
    "helpnow.signs": "Call it for chest pain or pressure that does not go away, struggling to breathe, a face drooping, an arm weak or speech slurred, someone collapsed or not waking, heavy bleeding, or very high or low blood sugar with confusion or drowsiness.",
    "helpnow.urgent": "Urgent medical help that is not an emergency:",
    "helpnow.crisis": "If you are thinking about suicide or harming yourself, or feel you can't cope, talk to someone now:",
    "helpnow.line.call": "{name}: call {call}",
    "helpnow.line.call_or_text": "{name}: call or text {call}",
    "helpnow.line.call_and_text": "{name}: call {call}, or text {text}",
    "helpnow.line.call_and_text_keyword": "{name}: call {call}, or text {keyword} to {text}",
    "helpnow.line.text": "{name}: text {text}",
    "helpnow.line.text_keyword": "{name}: text {keyword} to {text}",
    "helpnow.line.web": "{line}; online: {web}",
    "helpnow.line.free_any_time": "{line} (free, day or night)",
    "helpnow.line.any_time": "{line} (day or night)",
    "helpnow.line.free": "{line} (free)",
    "helpnow.directory": "Outside {country}: find a helpline at {directory} ({name}).",
    "helpnow.directory_unknown": "Find a crisis helpline in your country at {directory} ({name}).",
    "helpnow.no_lines": "smcoach has no help lines for {code} yet.",
    "helpnow.from.setting": "Country {code}, from your settings. Change it: smcoach settings country CODE",
    "helpnow.from.env": "Country {code}, from SMCOACH_COUNTRY. Change it: smcoach settings country CODE",
    "helpnow.from.locale": "Country {code}, from your locale ({locale}). Change it: smcoach settings country CODE",
    "helpnow.from.none": "smcoach does not know your country. Set it with its two-letter code: smcoach settings country GB",
    "helpnow.advice": "For anything else about your health, talk to your doctor, nurse or pharmacist.",
    "signpost.crisis": "If you are thinking about suicide or harming yourself, please talk to someone now. You don't have to face it alone.",
    "signpost.overdose": "If you have taken too much of a medicine, or are thinking of it, please get help now.",
    "signpost.urgent": "If you have chest pain, trouble breathing, signs of a stroke or another warning sign like these now, call the emergency number: don't wait.",
    "signpost.again": "smcoach help-now shows this again.",
    "signpost.unreadable": "smcoach could not read its list of words that call for help now ({error}). If you need help now: smcoach help-now",
    "helpnow.table_unreadable": "smcoach could not read its table of help lines ({error}), so here is what holds anywhere:",
    # settings
    "country.bad": "a country is its two-letter code, such as GB, IE, US, CA, AU, NZ, ES or MX; got '{got}'",
    "settings.title": "Settings",
    "settings.col.setting": "Setting",
    "settings.col.value": "Value",
    "settings.col.from": "From",
    "settings.country": "Country",
    "settings.which_country": "Which country (two letters, such as GB, IE, US, CA, AU, NZ, ES or MX)?",
    "settings.country_set": "Your country is now {code}: smcoach help-now shows the lines for {country}.",
    "settings.country_set_unknown": "Your country is now {code}. smcoach has no help lines for it yet: smcoach help-now shows how to find them.",
    "settings.country_unset": "Your country setting is cleared: smcoach reads it from SMCOACH_COUNTRY or your locale.",
    "settings.from.setting": "your settings",
    "settings.from.env": "SMCOACH_COUNTRY",
    "settings.from.locale": "your locale ({locale})",
    "settings.from.none": "not set",
    # trends
    "trends.title": "Weekly trends, {first} to {last}",
    "trends.gaps": "A blank in a line above, or – in the table, is a week with nothing recorded or still under way: a gap, not a zero.",
    "trends.confidence": "Confidence",
    "trends.completion": "Plans done",
    "trends.unit_confidence": "points a week",
    "trends.unit_completion": "percentage points a week",
    "trends.direction": "{measure}: {direction} ({slope:+.2f} {unit}, a least-squares line through the weeks shown).",
    "trends.direction_unknown": "{measure}: not enough weeks with data to see a direction yet.",
    "trends.band": "at {band}: {done}% done ({plans})",
    "trends.calibration": "Plans made {bands}.",
    "trends.hint": "Your confident plans were done less often than your confidence said: try making next week's plan smaller, so that what you plan and what you do match.",
    "trends.symptom_lower_better": "{name} (lower is better)",
    "trends.symptom_higher_better": "{name} (higher is better)",
    "trends.weeks_range": "--weeks must be a whole number from 1 to 1000, got {got}",
    "trends.one_output": "choose one of --json, --csv, --svg FILE or --html FILE",
    "trends.saved": "Saved the trends view to {path}.",
    # next steps (today view)
    "next.check_yesterday": "Check in for yesterday: smcoach check {id} --date yesterday --done (or --partly, --not, --rest)",
    "next.ends_tomorrow": "Plan {id}'s week ends tomorrow: then run 'smcoach session' to look back on it and plan the next.",
    "next.ends_today": "Today is the last day of plan {id}'s week: check in tonight, then plan next week.",
    "next.week_over": "Plan {id}'s week ended on {end}: look back on it and plan the next week with 'smcoach session'.",
    "next.upcoming": "Plan {id} starts on {start}.",
    "next.add_agenda": 'Start your agenda, the things you want to work on: smcoach agenda add "…"',
    "next.choose_focus": "Choose one agenda item to work on now: smcoach agenda focus ID",
    "next.new_plan": "Make this week's action plan: 'smcoach session' walks you through it (or: smcoach plan new)",
    "next.check_today": "When you have done today's part, check in: smcoach check --done",
    "next.all_checked": "You are up to date. Check in again on your next planned day.",
    # the appointment summary (smcoach export --format md / html)
    "summary.title": "Appointment summary",
    "summary.html_title": "Appointment summary, {day}",
    "summary.made": "Made on {day}.",
    "summary.footer": "From smcoach, made on {day} from what was recorded in it. This summary is not medical advice: it is a record to talk through with your doctor, nurse or other health professional.",
    "summary.agenda": "Agenda: what to work on",
    "summary.agenda_none": "Nothing on the agenda yet: add something with smcoach agenda add",
    "summary.agenda_focus": "{text} (the focus now)",
    "summary.agenda_no_focus": "No item chosen as the focus yet: choose one with smcoach agenda focus ID",
    "summary.goals": "Goals",
    "summary.goals_none": "No active goals yet: add one with smcoach goal add",
    "summary.goal_by": "{text} (by {by})",
    "summary.plans": "This week's action plans",
    "summary.plans_none": "No action plan for this week: make one with smcoach plan new",
    "summary.plans_note": "Done so far: the planned days up to {day} checked in as done, of those planned (a partly-done day counts half; a rest day is not counted against the plan).",
    "summary.often_days": "on {days}",
    "summary.often_once": "once this week, any day",
    "summary.often_times": "{n} times this week, any days",
    "summary.plan_done": "{achieved:g} of {target}",
    "summary.plan_done_rest": "{achieved:g} of {target}; rest days: {rest}",
    "summary.out_of_ten": "{value}/10",
    "summary.span": "{first} to {last}",
    "summary.col.what": "What",
    "summary.col.how_much": "How much",
    "summary.col.when": "When",
    "summary.col.how_often": "How often",
    "summary.col.confidence": "Confidence",
    "summary.col.week": "Week",
    "summary.col.done": "Done so far",
    "summary.col.plans": "Plans",
    "summary.col.days_done": "Days done",
    "summary.col.avg_confidence": "Average confidence",
    "summary.col.selfefficacy": "Self-efficacy",
    "summary.col.symptom": "Symptom",
    "summary.col.average": "Average (0-10)",
    "summary.col.better": "Which way is better",
    "summary.trends": "The last {n} weeks ({first} to {last})",
    "summary.trends_none": "Nothing recorded in these weeks yet.",
    "summary.trends_note": "Weeks run Monday to Sunday (ISO weeks). Days done: the planned days done, of those planned (a partly-done day counts half; rest days are left out), counted once a plan's week is over. {gap} is a week with nothing recorded: a gap, not a zero.",
    "summary.week_of": "{week} (from {monday})",
    "summary.under_way": "under way",
    "summary.days_done": "{achieved:g} of {counted:g}",
    "summary.symptoms": "Symptoms: average rating over the last {days} days ({first} to {last})",
    "summary.symptoms_none": "No symptoms followed yet: add one with smcoach symptoms add",
    "summary.no_ratings": "no ratings in the last {days} days",
    "summary.lower_better": "lower is better (0 = none, 10 = worst)",
    "summary.higher_better": "higher is better (0 = worst, 10 = best)",
    "summary.problems": "Problems being worked on",
    "summary.problems_none": "No open problems: start working on one with smcoach solve",
    "summary.problem": "{text} ({status}, since {since})",
    "summary.status.open": "listing ideas",
    "summary.status.choosing": "choosing an idea",
    "summary.status.trying": "trying an idea",
    "summary.status.resources": "finding help",
    "summary.status.accepting": "deciding whether to set it aside",
    "summary.status.solved": "solved",
    "summary.status.accepted": "set aside",
    "summary.tried": "Tried {idea} (from {day}): {result}",
    "summary.tried_none": "Nothing tried yet.",
    "summary.trying_now": "still trying it",
    "summary.selfefficacy": "Self-efficacy: confidence in managing health",
    "summary.selfefficacy_none": "No self-efficacy check yet: take one with smcoach selfcheck",
    "summary.selfefficacy_taken": "Latest check: {day}.",
    "summary.selfefficacy_about": "The scale ({form}) is the Self-Efficacy for Managing Chronic Disease 6-Item Scale (Stanford Patient Education Research Center; Lorig et al. 2001): six questions, each answered from 1 (not at all confident) to 10 (totally confident).",
    "summary.questions": "Questions to ask",
    "summary.questions_none": "No questions written down yet: add one with smcoach questions add",
    # action plans in a calendar file (smcoach export --format ics)
    "calendar.name": "smcoach action plans",
    "calendar.no_plans": "there is no current action plan to put in a calendar: make one with 'smcoach plan new'",
    "calendar.summary": "{what}: {how_much}",
    "calendar.summary_once": "{what}: {how_much} (once this week)",
    "calendar.summary_times": "{what}: {how_much} ({n} times this week)",
    "calendar.description": "When: {when}. How often: {often}. Confidence: {confidence}/10. Action plan {id} in smcoach, for the week {first} to {last}.",
}


def t(key: str, **values: object) -> str:
    """The sentence `key` with its fields filled. Text values (what the person typed, a file's
    path, a detail from SQLite) are shown on one line with control characters escaped."""
    safe = {k: v if isinstance(v, int | float) else one_line(str(v)) for k, v in values.items()}
    return TEXT[key].format(**safe)
