# Last words of place and building names that never speak ("Trump Tower", "East Room", "Center City", "the Trump
# Presidency"): a name of two or more words ending in one is no speaker, whatever the entity stage typed it as. A single
# word is left alone ("Park" is also a family name).
Tower
Towers
Room
Building
Hall
City
Square
Plaza
Park
Street
Avenue
Boulevard
Road
Airport
Stadium
Arena
Hotel
Bridge
Garden
Gardens
Library
Memorial
Monument
Mall
Beach
Field
Lawn
Wing
Terminal
Station
Cemetery
Campus
Auditorium
Theater
Theatre
Pavilion
Ballroom
Rotunda
Presidency
# Not listed: words that also end the names of bodies that do speak ("Brennan Center", "Congressional Budget Office",
# "the Museum", "the Church").
