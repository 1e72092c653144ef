"""English: every word the code knows (time words, calendar words, news words such as reporting
verbs and loaded words), as plain tables. Imports nothing of timeline but itself.
"""
