# One name in several romanisations. A line is one name: every spelling on it is the same name written from another
# alphabet (Arabic, Cyrillic, Hebrew, Chinese, Korean). Spellings are compared folded (no case, no accents). The rules in
# Transliteration.cs cover the regular alternations (Zelensky / Zelenskyy / Zelenskiy, Sergei / Sergey, Khan / Han is NOT
# one); this list holds the names whose spellings differ in more than those rules allow.
gaddafi qaddafi kadhafi gadhafi kaddafi qadhafi gadafi
muhammad mohammed mohamed mohammad muhammed mohamad mohamud
ahmed ahmad
hussein husayn hussain husain
osama usama
qaeda qaida
abdullah abdallah
yusuf yousef youssef yousuf
kyiv kiev
odesa odessa
kharkiv kharkov
luhansk lugansk
mykolaiv nikolaev mykolayiv
volodymyr vladimir
oleksandr aleksandr alexander
mikhail mikhael
gorbachev gorbachov gorbachyov
khrushchev khrushchov
tchaikovsky chaikovsky
yeltsin eltsin
navalny navalnyy navalniy
shoigu shoygu
ahmadinejad ahmadinezhad
khamenei khamenehi
rouhani rowhani
raisi raeesi
nasrallah nasrullah
haniyeh haniya haniyah
muammar moammar
