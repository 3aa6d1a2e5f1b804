ALTER TABLE "message_attempts" DROP CONSTRAINT "message_attempts_message_id_messages_id_fk";
