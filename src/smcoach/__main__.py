from smcoach.cli import main

main()
