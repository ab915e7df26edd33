# Nouns for a conversation or an occasion of one: in a clause naming one, "covered", "raised" and passive "was mentioned"
# say what was talked about ("the conversation covered Ukraine", "Taiwan was raised during the call").
call
calls
conversation
conversations
talks
talk
meeting
meetings
summit
discussion
discussions
statement
speech
interview
agenda
visit
phone
leaders
negotiations
session
hearing
debate
