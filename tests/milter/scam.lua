-- scam.lua — a strong scam is refused with its own SMTP reply; a milder one
-- is held (quarantine = discard after storing). Two messages on one
-- connection, with Postfix's "no reply" steps: the second must not inherit
-- the first. (miltertest can only compare a reply's whole text, which ends
-- in a random quarantine ref: check-miltertest.sh checks the log and the
-- store, tests/postfix the 550 5.7.1 a client sees.)
local lib = dofile(libdir .. "/lib.lua")
local conn = lib.connect({steps = lib.POSTFIX_STEPS})
local reply = lib.send(conn, {file = "lottery-scam.eml", queue_id = "4REJECT"})
lib.check(reply == SMFIR_REPLYCODE, "strong scam gets its own SMTP reply")
lib.check(not mt.eom_check(conn, MT_HDRADD), "a rejected scam gets no headers")
reply = lib.send(conn, {file = "lottery-notice.eml", queue_id = "4QUARANTINE"})
lib.check(reply == SMFIR_DISCARD, "milder scam is quarantined (discarded after storing)")
mt.disconnect(conn)
lib.done()
