"""/digest, /timezone, /reminders, /alert(s), and the wording of scheduled messages."""
