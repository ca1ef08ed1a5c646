"""NestJS start-up rules (NEST001-NEST003) and their real-Nest oracle."""
