"""`easyread draft`: write an editable first draft of a publication's easy-read version into easyread/."""
