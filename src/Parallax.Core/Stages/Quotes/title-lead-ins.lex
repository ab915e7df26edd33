# Words a programme's or a book's title follows in news copy: "told “Fox & Friends”", "appeared on “This Week”", "said
# in an interview with “Axios on HBO”", "host of “The Apprentice”" (title shape is checked apart: short and capitalised).
on
told
tells
telling
with
during
in
host
hosts
hosted
anchor
co-host
watching
watched
