# Words that turn a statement into its denial: "did not mention Taiwan" against "mentioned Taiwan".
not
n't
no
never
nor
neither
without
none
nobody
nothing
denied
denies
deny
refused
